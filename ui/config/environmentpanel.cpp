#include "environmentpanel.h"

#include "configmanager.h"
#include "environmentmodel.h"

#include <QCompleter>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableView>
#include <QVBoxLayout>

EnvironmentPanel::EnvironmentPanel(ConfigManager &manager, QWidget *parent)
    : QWidget(parent)
    , m_manager(manager)
    , m_model(new EnvironmentModel(this))
    , m_view(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_name(new QLineEdit(this))
    , m_value(new QLineEdit(this))
    , m_set(new QPushButton(tr("Set for this run"), this))
    , m_unset(new QPushButton(tr("Unset for this run"), this))
    , m_reload(new QPushButton(tr("Reload environment"), this))
    , m_message(new QLabel(this)) {
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_name->setObjectName(QStringLiteral("name"));
    m_value->setObjectName(QStringLiteral("value"));
    m_set->setObjectName(QStringLiteral("set"));
    m_unset->setObjectName(QStringLiteral("unset"));
    m_reload->setObjectName(QStringLiteral("reload"));
    m_message->setObjectName(QStringLiteral("message"));
    m_name->setPlaceholderText(tr("e.g. MQTT_PASSWORD"));
    m_value->setEchoMode(QLineEdit::Password);
    m_value->setPlaceholderText(tr("never saved to disk"));
    m_reload->setToolTip(tr("Read the process environment again; built-in templates follow it "
                            "from the next session on"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    auto *completer = new QCompleter(m_model, m_name);
    completer->setCompletionColumn(EnvironmentModel::NameColumn);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_name->setCompleter(completer);

    auto *form = new QFormLayout;
    form->addRow(tr("Variable"), m_name);
    form->addRow(tr("Value"), m_value);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_set);
    buttons->addWidget(m_unset);
    buttons->addStretch();
    buttons->addWidget(m_reload);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_message);

    connect(m_set, &QPushButton::clicked, this, [this] {
        if (const QString error = setVariable(m_name->text().trimmed(), m_value->text());
            !error.isEmpty())
            showMessage(error, true);
    });
    connect(m_unset, &QPushButton::clicked, this, [this] {
        if (const QString error = unsetVariable(m_name->text().trimmed()); !error.isEmpty())
            showMessage(error, true);
    });
    connect(m_reload, &QPushButton::clicked, this, &EnvironmentPanel::reloadEnvironment);
    // Only a row the operator picks fills the name; the view also gets a current row on focus.
    connect(m_view, &QTableView::clicked, this, [this](const QModelIndex &index) {
        m_name->setText(m_model->nameAt(index.row()));
        m_value->clear();
    });
    refresh();
}

QString EnvironmentPanel::setVariable(const QString &name, const QString &value) {
    if (const QString error = nameError(name); !error.isEmpty())
        return error;
    m_manager.setVariable(name, value);
    m_runOverrides.insert(name, true);
    m_value->clear(); // the value does not linger in the widget
    refresh();
    showMessage(tr("%1 is set for this run; it is not saved.").arg(name), false);
    emit variableSet(name, value);
    return {};
}

QString EnvironmentPanel::unsetVariable(const QString &name) {
    if (const QString error = nameError(name); !error.isEmpty())
        return error;
    m_manager.unsetVariable(name);
    m_runOverrides.insert(name, false);
    refresh();
    showMessage(tr("%1 is unset for this run.").arg(name), false);
    emit variableUnset(name);
    return {};
}

void EnvironmentPanel::reloadEnvironment() {
    m_manager.reloadEnvironment();
    refresh();
    showMessage(tr("Environment reloaded; values set for this run still apply."), false);
    emit environmentReloaded();
}

void EnvironmentPanel::refresh() {
    const RuntimeInfo info = m_manager.getRuntimeInfo();
    m_model->setRuntimeInfo(info, m_runOverrides);
    m_summary->setText(tr("Platform: %1 — environment: %2").arg(info.platform, info.environment));
}

QString EnvironmentPanel::nameError(const QString &name) {
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    if (name.isEmpty())
        return tr("Variable name must not be empty");
    if (!pattern.match(name).hasMatch())
        return tr("Variable name \"%1\" must start with a letter or '_' and hold only letters, "
                  "digits and '_'")
            .arg(name);
    return {};
}

void EnvironmentPanel::showMessage(const QString &text, bool error) {
    QPalette palette = m_message->palette();
    palette.setColor(QPalette::WindowText,
                     error ? QColor(Qt::darkRed) : this->palette().color(QPalette::WindowText));
    m_message->setPalette(palette);
    m_message->setText(text);
}
