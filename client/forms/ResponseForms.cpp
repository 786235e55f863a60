#include "client/forms/ResponseForms.h"

#include "client/forms/FormCatalog.h"
#include "common/workflow/Steps.h"

namespace sen::forms {

bool mayRespond(const FormDefinition& response, const FormDefinition& parent)
{
    if (!response.response || response.kind != parent.kind)
        return false;
    const QString& form = response.name;
    if (form == QLatin1String(workflow::kReportForm))
        return parent.name == QLatin1String(workflow::kDirectionForm);
    if (form == QLatin1String(workflow::kPresentationForm) || form == QLatin1String(workflow::kDirectionForm))
        return parent.name == QLatin1String(workflow::kIncomingForm);
    return !parent.response;
}

std::vector<const FormDefinition*> responseFormsUnder(const FormDefinition& parent)
{
    std::vector<const FormDefinition*> forms;
    for (const FormDefinition* response : FormCatalog::responseForms(parent.kind))
        if (mayRespond(*response, parent))
            forms.push_back(response);
    return forms;
}

} // namespace sen::forms
