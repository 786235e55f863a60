#include "client/forms/StepFill.h"

#include "common/workflow/Steps.h"

namespace sen::forms {

void completeStep(DocumentEdit& edit, const QString& userName, const QDateTime& now)
{
    if (!edit.isCreate() || !workflow::isStepForm(edit.form()) || userName.isEmpty())
        return;
    const QString form = edit.form();
    const bool direction = form == QLatin1String(workflow::kDirectionForm);
    const bool report = form == QLatin1String(workflow::kReportForm);
    const char* author = direction ? workflow::kItemDirector
                         : report  ? workflow::kItemReporter
                                   : workflow::kItemPresenter;
    const char* time = direction ? workflow::kItemDirectedAt : workflow::kItemTime;
    edit.set(Item::names(QLatin1String(author), ItemType::Names, {userName}));
    edit.set(Item::dateTime(QLatin1String(time), now.toUTC()));
}

} // namespace sen::forms
