#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// One <message> of a Qt Linguist .ts file, as the translation tests need it.
struct TsMessage {
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString type;             // <translation type="...">: empty when finished
    QStringList translations; // one text, or one per <numerusform>

    // "Context: source", for test row names and failure messages.
    QString label() const;
};

struct TsFile {
    QString language; // the TS element's language attribute
    QList<TsMessage> messages;
    QString error; // empty when the file was read completely

    static TsFile read(const QString &path);
};

namespace TsText {

// The placeholders %1..%99, %L1.. and %n a text uses, sorted and without repeats.
QStringList placeholders(const QString &text);
// How many keyboard accelerators ("&x", not "&&") a text marks.
int accelerators(const QString &text);

} // namespace TsText
