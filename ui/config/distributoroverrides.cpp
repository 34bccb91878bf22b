#include "distributoroverrides.h"

#include "distributorform.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QScrollArea>
#include <QTabWidget>
#include <QVBoxLayout>

DistributorOverrides::DistributorOverrides(QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this)) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    for (const DistributorType type : DistributorTypes::all()) {
        const QString name = DistributorTypes::name(type);
        auto *tab = new QWidget(m_tabs);
        tab->setObjectName(name);
        Page page;
        page.type = name;
        page.include = new QCheckBox(tr("Configure %1").arg(DistributorTypes::label(type)), tab);
        page.include->setObjectName(QStringLiteral("include"));
        page.enable = new QCheckBox(tr("Start enabled"), tab);
        page.enable->setObjectName(QStringLiteral("enable"));
        page.enable->setChecked(true);
        page.form = new DistributorForm(type, DistributorForm::Scope::Primary);
        auto *scroll = new QScrollArea(tab);
        scroll->setWidgetResizable(true);
        scroll->setWidget(page.form);

        auto *checks = new QHBoxLayout;
        checks->addWidget(page.include);
        checks->addWidget(page.enable);
        checks->addStretch();
        auto *tabLayout = new QVBoxLayout(tab);
        tabLayout->addLayout(checks);
        tabLayout->addWidget(scroll, 1);
        m_tabs->addTab(tab, DistributorTypes::label(type));

        connect(page.include, &QCheckBox::toggled, this, [this] {
            updatePages();
            emit changed();
        });
        connect(page.enable, &QCheckBox::toggled, this, &DistributorOverrides::changed);
        connect(page.form, &DistributorForm::edited, this, &DistributorOverrides::changed);
        m_pages.append(page);
    }
    updatePages();
}

void DistributorOverrides::setTemplate(const DistributorConfigMap &templateDistributors) {
    for (Page &page : m_pages) {
        const bool wasInTemplate = page.inTemplate;
        page.inTemplate = templateDistributors.contains(page.type);
        if (wasInTemplate && !page.inTemplate) {
            // It was only configured because the old template had it; keep it if overridden.
            const QSignalBlocker blocker(page.include);
            page.include->setChecked(!page.form->config().isEmpty());
        }
        page.form->setBaseConfig(templateDistributors.value(page.type));
    }
    updatePages();
}

DistributorConfigMap DistributorOverrides::overrides() const {
    DistributorConfigMap result;
    for (const Page &page : m_pages) {
        const QJsonObject config = page.form->config();
        // A template type needs no entry of its own unless something is overridden; an added
        // type is configured even when empty (`mqtt: {}`), which the validator then judges.
        if (page.inTemplate ? !config.isEmpty() : page.include->isChecked())
            result.insert(page.type, config);
    }
    return result;
}

QStringList DistributorOverrides::configuredTypes() const {
    QStringList result;
    for (const Page &page : m_pages) {
        if (isConfigured(page))
            result.append(page.type);
    }
    return result;
}

std::optional<QStringList> DistributorOverrides::enabledDistributors() const {
    QStringList enabled;
    bool all = true;
    for (const Page &page : m_pages) {
        if (!isConfigured(page))
            continue;
        if (page.enable->isChecked())
            enabled.append(page.type);
        else
            all = false;
    }
    if (all)
        return std::nullopt;
    return enabled;
}

DistributorForm *DistributorOverrides::form(const QString &type) const {
    const Page *found = page(type);
    return found ? found->form : nullptr;
}

QCheckBox *DistributorOverrides::includeBox(const QString &type) const {
    const Page *found = page(type);
    return found ? found->include : nullptr;
}

QCheckBox *DistributorOverrides::enableBox(const QString &type) const {
    const Page *found = page(type);
    return found ? found->enable : nullptr;
}

const DistributorOverrides::Page *DistributorOverrides::page(const QString &type) const {
    for (const Page &candidate : m_pages) {
        if (candidate.type == type)
            return &candidate;
    }
    return nullptr;
}

bool DistributorOverrides::isConfigured(const Page &page) const {
    return page.inTemplate || page.include->isChecked();
}

void DistributorOverrides::updatePages() {
    for (int i = 0; i < m_pages.size(); ++i) {
        const Page &page = m_pages.at(i);
        const bool configured = isConfigured(page);
        {
            const QSignalBlocker blocker(page.include);
            page.include->setChecked(configured);
        }
        page.include->setEnabled(!page.inTemplate);
        page.include->setToolTip(page.inTemplate ? tr("Part of the template") : QString());
        page.enable->setEnabled(configured);
        page.form->setEnabled(configured);
        const QString label = DistributorTypes::label(*DistributorTypes::fromName(page.type));
        m_tabs->setTabText(i, configured ? label : tr("%1 (off)").arg(label));
    }
}
