#pragma once

#include "distributorconfigmap.h"

#include <QList>
#include <QStringList>
#include <QWidget>

#include <optional>

class DistributorForm;
class QCheckBox;
class QTabWidget;

// The distributor part of a new session: a tab per distributor type with the type's form for
// overrides on top of the template (whose values the form shows as placeholders), whether the
// type is configured at all (template types always are; others when added, even with no keys),
// and whether it starts enabled.
class DistributorOverrides final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DistributorOverrides)

public:
    explicit DistributorOverrides(QWidget *parent = nullptr);

    void setTemplate(const DistributorConfigMap &templateDistributors);
    // The caller's distributors: template types with keys set, and every added type.
    DistributorConfigMap overrides() const;
    QStringList configuredTypes() const;
    // The types that start enabled, or nullopt when all configured types do.
    std::optional<QStringList> enabledDistributors() const;

    DistributorForm *form(const QString &type) const;
    QCheckBox *includeBox(const QString &type) const;
    QCheckBox *enableBox(const QString &type) const;

signals:
    void changed();

private:
    struct Page {
        QString type;
        QCheckBox *include = nullptr;
        QCheckBox *enable = nullptr;
        DistributorForm *form = nullptr;
        bool inTemplate = false;
    };

    const Page *page(const QString &type) const;
    bool isConfigured(const Page &page) const;
    void updatePages();

    QTabWidget *m_tabs;
    QList<Page> m_pages;
};
