#pragma once

#include "builtintemplates.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class ConfigManager;

// The operator's own templates, kept as one JSON file under the platform's app-config location:
// {"format": "labrelay-templates", "version": 1, "templates": {"<name>": {"description": ...,
// "distributors": {...}}}}. Every change is written at once and atomically (QSaveFile), so the
// file and memory never disagree. A file that cannot be read completely is left untouched and
// reported; before the next write replaces it, a copy is kept beside it (backupPath()), so no
// template is ever lost silently.
class TemplateStore final {
    Q_DECLARE_TR_FUNCTIONS(TemplateStore)

public:
    static inline const QString FormatName = QStringLiteral("labrelay-templates");
    static constexpr int FormatVersion = 1;
    static constexpr qint64 MaxFileSize = 8 * 1024 * 1024;
    static constexpr int MaxNameLength = 64;

    explicit TemplateStore(QString path = defaultPath());

    // <AppConfigLocation>/templates.json
    static QString defaultPath();
    const QString &path() const { return m_path; }

    // Reads the file; a missing file is an empty store. Returns the problems found, each naming
    // the file and the line and column or the template at fault. Readable templates are kept.
    QStringList load();
    // The copy made of an unreadable file before it was overwritten, or empty.
    const QString &backupPath() const { return m_backupPath; }

    const QList<ConfigTemplate> &templates() const { return m_templates; }
    QStringList names() const;
    std::optional<ConfigTemplate> find(const QString &name) const;

    // Each refuses a bad or taken name (built-in names are taken) or a failed write with a
    // message in `error`, and then changes nothing.
    bool add(const QString &name, const QString &description,
             const DistributorConfigMap &distributors, QString *error);
    bool update(const QString &name, const QString &description,
                const DistributorConfigMap &distributors, QString *error);
    bool remove(const QString &name, QString *error);

    // Why `name` cannot name a new template, or empty when it can. `taken` holds names in use.
    static QString nameError(const QString &name, const QStringList &taken);

    // Registers every stored template with `manager`.
    void registerInto(ConfigManager &manager) const;

private:
    bool write(const QList<ConfigTemplate> &templates, QString *error);
    QByteArray serialize(const QList<ConfigTemplate> &templates) const;

    QString m_path;
    QList<ConfigTemplate> m_templates;
    bool m_keepCopy = false; // the file on disk holds something load() could not take in
    QString m_backupPath;
};
