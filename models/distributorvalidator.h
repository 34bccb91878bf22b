#pragma once

#include "validationresult.h"

#include <QJsonObject>
#include <QString>

// The validation rules of SPEC §1.4.1 with strict types: ports are integers in 1..65535, URLs
// parse with the right scheme. Message texts are exactly the specification's, so parity tests
// and operators' searches find them; keys without a rule of their own get a type check that
// names the key and what it expects.
namespace DistributorValidator {

ValidationResult validate(const QString &type, const QJsonObject &config);

} // namespace DistributorValidator
