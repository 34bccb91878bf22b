#include "newsessiondialog.h"

#include "distributoroverrides.h"
#include "templatelistmodel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

NewSessionDialog::NewSessionDialog(const ConfigManager &manager, QWidget *parent)
    : QDialog(parent)
    , m_manager(manager)
    , m_template(new QComboBox(this))
    , m_sessionId(new QLineEdit(this))
    , m_overrides(new DistributorOverrides(this))
    , m_errorLabel(new QLabel(this))
    , m_warningLabel(new QLabel(this))
    , m_create(new QPushButton(tr("Create"), this)) {
    setWindowTitle(tr("New session"));
    m_template->setObjectName(QStringLiteral("template"));
    m_sessionId->setObjectName(QStringLiteral("sessionId"));
    m_errorLabel->setObjectName(QStringLiteral("errors"));
    m_warningLabel->setObjectName(QStringLiteral("warnings"));
    m_create->setObjectName(QStringLiteral("create"));
    m_sessionId->setPlaceholderText(tr("letters, digits, '.', '_' or '-'"));
    for (QLabel *label : {m_errorLabel, m_warningLabel}) {
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    QPalette errorPalette = m_errorLabel->palette();
    errorPalette.setColor(QPalette::WindowText, Qt::darkRed);
    m_errorLabel->setPalette(errorPalette);

    for (const QString &name : m_manager.listTemplates()) {
        const auto found = m_manager.getTemplate(name);
        m_template->addItem(
            name == SessionConfig::DefaultTemplate ? tr("%1 (default)").arg(name) : name, name);
        m_template->setItemData(m_template->count() - 1,
                                found ? TemplateListModel::displayedDescription(*found) : QString(),
                                Qt::ToolTipRole);
    }
    m_template->addItem(tr("(no template)"), QString());
    m_template->setCurrentIndex(m_template->findData(SessionConfig::DefaultTemplate));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_create, QDialogButtonBox::AcceptRole);
    m_create->setDefault(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Template"), m_template);
    form->addRow(tr("Session id"), m_sessionId);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_overrides, 1);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_warningLabel);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &NewSessionDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &NewSessionDialog::reject);
    connect(m_template, &QComboBox::currentIndexChanged, this, &NewSessionDialog::templateChosen);
    connect(m_sessionId, &QLineEdit::textChanged, this, &NewSessionDialog::revalidate);
    connect(m_overrides, &DistributorOverrides::changed, this, &NewSessionDialog::revalidate);
    templateChosen();
}

void NewSessionDialog::setTakenIds(const QStringList &ids) {
    m_takenIds = ids;
    revalidate();
}

void NewSessionDialog::setTemplate(const QString &name) {
    const int index = m_template->findData(name);
    if (index >= 0)
        m_template->setCurrentIndex(index);
}

void NewSessionDialog::setSessionId(const QString &id) {
    m_sessionId->setText(id);
}

QString NewSessionDialog::sessionId() const {
    return m_sessionId->text().trimmed();
}

SessionConfig NewSessionDialog::sessionConfig() const {
    SessionConfig options;
    options.sessionId = sessionId();
    options.templateName = m_template->currentData().toString();
    options.distributors = m_overrides->overrides();
    options.enabledDistributors = m_overrides->enabledDistributors();
    return options;
}

void NewSessionDialog::accept() {
    if (canCreate())
        QDialog::accept();
}

void NewSessionDialog::templateChosen() {
    const QString name = m_template->currentData().toString();
    const auto chosen = name.isEmpty() ? std::nullopt : m_manager.getTemplate(name);
    m_overrides->setTemplate(chosen ? chosen->distributors : DistributorConfigMap());
    revalidate();
}

void NewSessionDialog::revalidate() {
    m_errors.clear();
    const QString id = sessionId();
    if (id.isEmpty())
        m_errors.append(tr("Enter a session id."));
    else if (m_takenIds.contains(id))
        m_errors.append(tr("A session with the id \"%1\" already exists.").arg(id));
    if (const auto enabled = m_overrides->enabledDistributors(); enabled && enabled->isEmpty())
        m_errors.append(tr("Choose at least one distributor to start enabled (an empty list "
                           "would start all of them)."));

    const Result<SessionConfig> created = m_manager.createSessionConfig(sessionConfig());
    m_manager.clearConfigCache();
    if (!created)
        m_errors.append(created.error());
    m_warnings = created.warnings();

    m_errorLabel->setText(m_errors.join(QLatin1Char('\n')));
    m_errorLabel->setVisible(!m_errors.isEmpty());
    m_warningLabel->setText(m_warnings.isEmpty() ? QString()
                                                 : tr("Warnings:") + QLatin1Char('\n')
                                                       + m_warnings.join(QLatin1Char('\n')));
    m_warningLabel->setVisible(!m_warnings.isEmpty());
    m_create->setEnabled(canCreate());
}
