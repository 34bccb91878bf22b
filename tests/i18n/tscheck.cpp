#include "tscheck.h"

#include <QRegularExpression>

namespace {

QString leadingSpace(const QString &text) {
    static const QRegularExpression pattern(QStringLiteral("^\\s*"));
    return pattern.match(text).captured(0);
}

QString trailingSpace(const QString &text) {
    static const QRegularExpression pattern(QStringLiteral("\\s*$"));
    return pattern.match(text).captured(0);
}

// Rules for one translated text (one plural form, or the only text).
void checkText(const TsMessage &message, const QString &text, const QString &what,
               QStringList &problems) {
    if (text.trimmed().isEmpty()) {
        problems.append(what + QStringLiteral(" is empty"));
        return;
    }
    const QStringList expected = TsText::placeholders(message.source);
    const QStringList found = TsText::placeholders(text);
    if (found != expected)
        problems.append(
            QStringLiteral("%1 has placeholders {%2}, the source {%3}")
                .arg(what, found.join(QLatin1Char(' ')), expected.join(QLatin1Char(' '))));
    const int accelerators = TsText::accelerators(message.source);
    if (TsText::accelerators(text) != accelerators)
        problems.append(QStringLiteral("%1 marks %2 accelerator(s), the source %3")
                            .arg(what)
                            .arg(TsText::accelerators(text))
                            .arg(accelerators));
    // Fragments such as " (left out: %1)" are concatenated: their spaces must survive.
    if (leadingSpace(text) != leadingSpace(message.source)
        || trailingSpace(text) != trailingSpace(message.source))
        problems.append(what
                        + QStringLiteral(" does not keep the source's leading and trailing "
                                         "spaces"));
}

} // namespace

namespace TsCheck {

QStringList problems(const TsMessage &message, int pluralForms) {
    QStringList found;
    if (message.type == QLatin1String("unfinished"))
        found.append(QStringLiteral("the translation is unfinished"));
    else if (message.type == QLatin1String("vanished") || message.type == QLatin1String("obsolete"))
        found.append(
            QStringLiteral("the entry is no longer in the sources (%1)").arg(message.type));
    else if (!message.type.isEmpty())
        found.append(QStringLiteral("unknown translation type \"%1\"").arg(message.type));

    if (!message.numerus) {
        checkText(message, message.translations.value(0), QStringLiteral("the translation"), found);
        return found;
    }
    if (message.translations.size() != pluralForms)
        found.append(QStringLiteral("%1 plural form(s), German needs %2")
                         .arg(message.translations.size())
                         .arg(pluralForms));
    for (int i = 0; i < message.translations.size(); ++i)
        checkText(message, message.translations.at(i), QStringLiteral("plural form %1").arg(i + 1),
                  found);
    return found;
}

} // namespace TsCheck
