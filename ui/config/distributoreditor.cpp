#include "distributoreditor.h"

#include "configmanager.h"
#include "configpatch.h"
#include "distributorform.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

DistributorEditor::DistributorEditor(const ConfigManager &manager, QWidget *parent)
    : QWidget(parent)
    , m_manager(manager)
    , m_title(new QLabel(this))
    , m_scroll(new QScrollArea(this))
    , m_errors(new QLabel(this))
    , m_warnings(new QLabel(this))
    , m_status(new QLabel(this))
    , m_apply(new QPushButton(tr("Apply"), this))
    , m_revert(new QPushButton(tr("Revert"), this)) {
    m_scroll->setWidgetResizable(true);
    m_errors->setObjectName(QStringLiteral("errors"));
    m_warnings->setObjectName(QStringLiteral("warnings"));
    m_status->setObjectName(QStringLiteral("status"));
    for (QLabel *label : {m_errors, m_warnings, m_status}) {
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    QPalette errorPalette = m_errors->palette();
    errorPalette.setColor(QPalette::WindowText, Qt::darkRed);
    m_errors->setPalette(errorPalette);
    m_apply->setObjectName(QStringLiteral("apply"));
    m_revert->setObjectName(QStringLiteral("revert"));
    m_apply->setToolTip(tr("Reconfigure the running distributor with these settings"));
    m_revert->setToolTip(tr("Go back to the configuration last loaded"));

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_revert, QDialogButtonBox::ResetRole);
    buttons->addButton(m_apply, QDialogButtonBox::ApplyRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_scroll, 1);
    layout->addWidget(m_errors);
    layout->addWidget(m_warnings);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(m_apply, &QPushButton::clicked, this, &DistributorEditor::apply);
    connect(m_revert, &QPushButton::clicked, this, &DistributorEditor::revert);
    revalidate();
}

void DistributorEditor::load(const QString &type, const QJsonObject &config) {
    const auto known = DistributorTypes::fromName(type);
    if (type != m_type || !m_form) {
        m_type = type;
        if (known) {
            auto *form = new DistributorForm(*known, DistributorForm::Scope::Primary);
            m_scroll->setWidget(form); // deletes the previous form
            m_form = form;
            connect(form, &DistributorForm::edited, this, &DistributorEditor::revalidate);
        } else {
            delete m_scroll->takeWidget();
        }
        m_title->setText(known ? tr("%1 distributor").arg(DistributorTypes::label(*known))
                               : tr("Unknown distributor type: %1").arg(type));
    }
    m_loaded = config;
    m_status->clear();
    if (m_form)
        m_form->setConfig(config);
    revalidate();
}

QJsonObject DistributorEditor::config() const {
    return m_form ? m_form->config() : m_loaded;
}

bool DistributorEditor::isModified() const {
    return config() != m_loaded;
}

bool DistributorEditor::canApply() const {
    return m_form && m_validation.valid && isModified();
}

void DistributorEditor::apply() {
    if (!canApply())
        return;
    m_status->setText(tr("Applying…"));
    emit applyRequested(m_type, ConfigPatch::diff(m_loaded, config()));
}

void DistributorEditor::revert() {
    load(m_type, m_loaded);
}

void DistributorEditor::applyFinished(const QString &error) {
    if (!error.isEmpty()) {
        m_status->setText(tr("Not applied: %1").arg(error));
        return;
    }
    load(m_type, config());
    m_status->setText(tr("Applied."));
}

void DistributorEditor::revalidate() {
    if (m_type.isEmpty()) {
        m_validation = {};
    } else {
        m_validation = m_manager.validateDistributorConfig(m_type, config());
    }
    m_errors->setText(m_validation.errors.join(QLatin1Char('\n')));
    m_errors->setVisible(!m_validation.errors.isEmpty());
    m_warnings->setText(m_validation.warnings.join(QLatin1Char('\n')));
    m_warnings->setVisible(!m_validation.warnings.isEmpty());
    m_apply->setEnabled(canApply());
    m_revert->setEnabled(m_form && isModified());
}
