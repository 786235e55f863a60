#include "client/gui/forms/NameChoiceDialog.h"

#include "client/app/DatabaseSession.h"
#include "client/gui/forms/DocumentForm.h"
#include "client/gui/forms/FieldEditor.h"
#include "client/gui/forms/NamePicker.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace sen::gui {

NameChoiceDialog::NameChoiceDialog(const app::NameProblem& problem, const QString& field, QWidget* parent)
    : QDialog(parent), m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("nameChoiceDialog"));
    setWindowTitle(tr("Who is meant?"));
    auto* question = new QLabel(
        tr("“%1” in %2 could be any of these. Choose the one you mean:").arg(problem.value, field), this);
    question->setTextFormat(Qt::PlainText);
    question->setWordWrap(true);
    m_list->setObjectName(QStringLiteral("candidates"));
    for (const client::DirectoryEntry& entry : problem.resolution.candidates) {
        auto* item = new QListWidgetItem(NamePicker::describe(entry), m_list);
        item->setData(Qt::UserRole, entry.name);
        item->setToolTip(entry.name);
    }
    m_list->setCurrentRow(0);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(question);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    connect(m_list, &QListWidget::itemDoubleClicked, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(460, 300);
}

QString NameChoiceDialog::chosen() const
{
    const QListWidgetItem* item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

static Status askNames(const app::DatabaseSession& session, DocumentEdit& edit, DocumentForm& form)
{
    SEN_ASSIGN_OR_RETURN(const std::vector<app::NameProblem> problems, session.nameProblems(edit));
    for (const app::NameProblem& problem : problems) {
        if (problem.resolution.outcome != client::NameResolution::Outcome::Ambiguous)
            return app::nameProblemStatus(problem);
        FieldEditor* editor = form.editor(problem.item);
        const QString label = editor ? editor->field().displayLabel() : problem.item;
        NameChoiceDialog dialog(problem, label, &form);
        if (dialog.exec() != QDialog::Accepted || dialog.chosen().isEmpty())
            return Status(ErrorCode::Cancelled, QStringLiteral("the user did not choose who is meant"));
        for (const Item& item : std::vector<Item>(edit.sets())) {
            if (item.name != problem.item)
                continue;
            QStringList values = item.toList();
            values.replaceInStrings(
                QRegularExpression(
                    QStringLiteral("^\\s*%1\\s*$").arg(QRegularExpression::escape(problem.value))),
                dialog.chosen());
            edit.set(Item::names(item.name, item.type, values, item.flags));
            if (editor)
                editor->setText(values.join(QStringLiteral("; ")));
        }
    }
    return Status::ok();
}

Status settleNames(const app::DatabaseSession& session, DocumentEdit& edit, DocumentForm& form)
{
    const Status settled = askNames(session, edit, form);
    if (!settled.isOk())
        form.showFormProblem(settled.code() == ErrorCode::Cancelled
                                 ? NameChoiceDialog::tr("Not saved: choose who is meant.")
                                 : settled.message());
    return settled;
}

} // namespace sen::gui
