#include "templatespanel.h"

#include "configmanager.h"
#include "sessionconfigfile.h"
#include "templatelistmodel.h"
#include "templatestore.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace {

// The template as a session config file that uses no other template.
QString templateJson(const ConfigTemplate &t) {
    SessionConfig config;
    config.templateName = QString();
    config.distributors = t.distributors;
    // Built-ins carry values read from the environment; secrets among them stay out of sight.
    const auto secrets =
        t.builtIn ? SessionConfigFile::Secrets::Omit : SessionConfigFile::Secrets::Include;
    return QString::fromUtf8(SessionConfigFile::serialize(config, secrets));
}

} // namespace

TemplatesPanel::TemplatesPanel(ConfigManager &manager, TemplateStore &store, QWidget *parent)
    : QWidget(parent)
    , m_manager(manager)
    , m_store(store)
    , m_model(new TemplateListModel(this))
    , m_view(new QTableView(this))
    , m_description(new QLineEdit(this))
    , m_json(new QPlainTextEdit(this))
    , m_messages(new QLabel(this))
    , m_clone(new QPushButton(tr("Clone…"), this))
    , m_edit(new QPushButton(tr("Edit"), this))
    , m_delete(new QPushButton(tr("Delete…"), this))
    , m_save(new QPushButton(tr("Save"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this)) {
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_json->setObjectName(QStringLiteral("json"));
    m_json->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_description->setObjectName(QStringLiteral("description"));
    m_description->setPlaceholderText(tr("Description"));
    m_messages->setObjectName(QStringLiteral("messages"));
    m_messages->setWordWrap(true);
    m_messages->setTextFormat(Qt::PlainText);
    m_messages->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_clone->setObjectName(QStringLiteral("clone"));
    m_edit->setObjectName(QStringLiteral("edit"));
    m_delete->setObjectName(QStringLiteral("delete"));
    m_save->setObjectName(QStringLiteral("save"));
    m_cancel->setObjectName(QStringLiteral("cancel"));

    auto *buttons = new QHBoxLayout;
    for (QPushButton *button : {m_clone, m_edit, m_delete})
        buttons->addWidget(button);
    buttons->addStretch();
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_save);
    auto *detail = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_description);
    detailLayout->addWidget(m_json, 1);
    detailLayout->addWidget(m_messages);
    detailLayout->addLayout(buttons);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(detail);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &TemplatesPanel::showSelected);
    connect(m_clone, &QPushButton::clicked, this, &TemplatesPanel::askCloneName);
    connect(m_edit, &QPushButton::clicked, this, &TemplatesPanel::startEditing);
    connect(m_delete, &QPushButton::clicked, this, &TemplatesPanel::confirmDelete);
    connect(m_save, &QPushButton::clicked, this, &TemplatesPanel::saveEdits);
    connect(m_cancel, &QPushButton::clicked, this, &TemplatesPanel::cancelEditing);
    connect(m_json, &QPlainTextEdit::textChanged, this, &TemplatesPanel::checkEditedText);
    connect(m_description, &QLineEdit::textEdited, this, &TemplatesPanel::checkEditedText);
    refresh();
}

QString TemplatesPanel::selectedName() const {
    return m_view->currentIndex().data(TemplateListModel::NameRole).toString();
}

void TemplatesPanel::select(const QString &name) {
    const int row = m_model->rowOf(name);
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row, TemplateListModel::NameColumn));
}

void TemplatesPanel::showProblems(const QStringList &problems) {
    showMessage(problems.join(QLatin1Char('\n')), true);
}

void TemplatesPanel::refresh() {
    const QString current = selectedName();
    m_model->setTemplates(TemplateListModel::templatesOf(m_manager));
    if (!current.isEmpty() && m_model->rowOf(current) >= 0)
        select(current);
    else if (m_model->rowCount() > 0)
        select(m_model->templateAt(0)->name);
    showSelected();
}

QString TemplatesPanel::cloneTemplate(const QString &source, const QString &newName) {
    const auto original = m_manager.getTemplate(source);
    if (!original)
        return tr("There is no template named \"%1\"").arg(source);
    DistributorConfigMap distributors = original->distributors;
    QStringList omitted;
    if (m_manager.isBuiltInTemplate(source)) {
        distributors = DistributorConfigMap::fromJson(
            SessionConfigFile::withoutSecrets(distributors.toJson(), QString(), &omitted),
            distributors.types());
    }
    QString error;
    // The clone is the operator's own: it keeps the description as they read it.
    const QString description = TemplateListModel::displayedDescription(*original);
    if (!m_store.add(newName, description, distributors, &error))
        return error;
    m_manager.registerTemplate(newName, distributors, description);
    refresh();
    select(newName);
    showMessage(omitted.isEmpty() ? tr("Created the custom template \"%1\".").arg(newName)
                                  : tr("Created the custom template \"%1\". Secrets were not "
                                       "copied (%2); use ${VARIABLE} references instead.")
                                        .arg(newName, omitted.join(QStringLiteral(", "))),
                false);
    emit templatesChanged();
    return {};
}

QString TemplatesPanel::saveTemplate(const QString &name, const QString &description,
                                     const QString &json) {
    const SessionConfigLoad parsed = SessionConfigFile::parse(json.toUtf8(), name);
    if (!parsed.ok())
        return parsed.errors.join(QLatin1Char('\n'));
    const SessionValidation validation = m_manager.validateSessionConfig(parsed.config);
    if (!validation.valid)
        return validation.errors.join(QLatin1Char('\n'));
    QString error;
    if (!m_store.update(name, description, parsed.config.distributors, &error))
        return error;
    m_manager.registerTemplate(name, parsed.config.distributors, description);
    m_editing = false;
    refresh();
    showMessage(tr("Saved the template \"%1\".").arg(name), false);
    emit templatesChanged();
    return {};
}

QString TemplatesPanel::deleteTemplate(const QString &name) {
    if (m_manager.isBuiltInTemplate(name))
        return tr("\"%1\" is a built-in template and cannot be deleted").arg(name);
    QString error;
    if (!m_store.remove(name, &error))
        return error;
    m_manager.unregisterTemplate(name);
    m_editing = false;
    refresh();
    showMessage(tr("Deleted the template \"%1\".").arg(name), false);
    emit templatesChanged();
    return {};
}

void TemplatesPanel::startEditing() {
    const QString name = selectedName();
    if (name.isEmpty() || m_manager.isBuiltInTemplate(name))
        return;
    m_editing = true;
    m_originalJson = m_json->toPlainText();
    m_originalDescription = m_description->text();
    m_messages->clear();
    checkEditedText();
}

void TemplatesPanel::cancelEditing() {
    m_editing = false;
    m_messages->clear();
    showSelected();
}

bool TemplatesPanel::canSave() const {
    const bool changed =
        m_json->toPlainText() != m_originalJson || m_description->text() != m_originalDescription;
    return m_editing && m_editValid && changed;
}

void TemplatesPanel::showSelected() {
    const ConfigTemplate *selected = m_model->templateAt(m_view->currentIndex().row());
    if (!m_editing) {
        const QSignalBlocker jsonBlocker(m_json);
        m_json->setPlainText(selected ? templateJson(*selected) : QString());
        m_description->setText(selected ? TemplateListModel::displayedDescription(*selected)
                                        : QString());
    }
    updateButtons();
}

void TemplatesPanel::askCloneName() {
    const QString source = selectedName();
    if (source.isEmpty())
        return;
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Clone template"));
    dialog->setLabelText(tr("Name of the new template (letters, digits, '_' and '-'):"));
    dialog->setTextValue(source + QStringLiteral("_copy"));
    connect(dialog, &QInputDialog::textValueSelected, this, [this, source](const QString &name) {
        if (const QString error = cloneTemplate(source, name.trimmed()); !error.isEmpty())
            showMessage(error, true);
    });
    dialog->open();
}

void TemplatesPanel::confirmDelete() {
    const QString name = selectedName();
    if (name.isEmpty() || m_manager.isBuiltInTemplate(name))
        return;
    auto *box =
        new QMessageBox(QMessageBox::Question, tr("Delete template"),
                        tr("Delete the custom template \"%1\"? This cannot be undone.").arg(name),
                        QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::buttonClicked, this, [this, box, name](QAbstractButton *button) {
        if (box->standardButton(button) != QMessageBox::Yes)
            return;
        if (const QString error = deleteTemplate(name); !error.isEmpty())
            showMessage(error, true);
    });
    box->open();
}

void TemplatesPanel::checkEditedText() {
    if (!m_editing)
        return;
    const QString name = selectedName();
    const SessionConfigLoad parsed = SessionConfigFile::parse(m_json->toPlainText().toUtf8(), name);
    QStringList errors = parsed.errors;
    QStringList warnings;
    if (parsed.ok()) {
        const SessionValidation validation = m_manager.validateSessionConfig(parsed.config);
        errors.append(validation.errors);
        warnings.append(validation.warnings);
        const SessionConfig &config = parsed.config;
        if (!config.eventRouting.isEmpty() || config.enabledDistributors
            || !config.sessionId.isEmpty())
            warnings.append(tr("A template keeps only its distributors; the other keys are "
                               "not saved"));
    }
    m_editValid = errors.isEmpty();
    showMessage((errors + warnings).join(QLatin1Char('\n')), !errors.isEmpty());
    updateButtons();
}

void TemplatesPanel::saveEdits() {
    if (!canSave())
        return;
    if (const QString error =
            saveTemplate(selectedName(), m_description->text(), m_json->toPlainText());
        !error.isEmpty())
        showMessage(error, true);
}

void TemplatesPanel::showMessage(const QString &text, bool error) {
    QPalette palette = m_messages->palette();
    palette.setColor(QPalette::WindowText,
                     error ? QColor(Qt::darkRed) : this->palette().color(QPalette::WindowText));
    m_messages->setPalette(palette);
    m_messages->setText(text);
}

void TemplatesPanel::updateButtons() {
    const QString name = selectedName();
    const bool custom = !name.isEmpty() && !m_manager.isBuiltInTemplate(name);
    m_json->setReadOnly(!m_editing);
    m_description->setReadOnly(!m_editing);
    m_clone->setEnabled(!name.isEmpty() && !m_editing);
    m_edit->setEnabled(custom && !m_editing);
    m_edit->setToolTip(custom ? QString()
                              : tr("Built-in templates are read-only; clone one to change it"));
    m_delete->setEnabled(custom && !m_editing);
    m_save->setVisible(m_editing);
    m_cancel->setVisible(m_editing);
    m_save->setEnabled(canSave());
    m_view->setEnabled(!m_editing);
}
