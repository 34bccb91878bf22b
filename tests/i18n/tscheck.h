#pragma once

#include "tsreader.h"

#include <QStringList>

// The rules a finished translation entry follows; each broken rule is one problem text.
namespace TsCheck {

// German has two plural forms (nplurals=2): singular and plural.
constexpr int GermanPluralForms = 2;

QStringList problems(const TsMessage &message, int pluralForms = GermanPluralForms);

} // namespace TsCheck
