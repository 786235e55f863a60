// senctl duplicates: the incoming registrations that share a duplicate key (issuer, số, ký
// hiệu, issue date) or an edXML DocumentId (docs/forms.md "Duplicates"), as the "Trùng văn
// bản" view shows them in sen, read through the same session (client/app/DatabaseSession.h).

#include "client/cli/CommandContext.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sen::cli {

Status runDuplicatesCommand(CommandContext& ctx)
{
    const QString kHome = QStringLiteral("--home");
    const QString kJson = QStringLiteral("--json");
    SEN_TRY(ctx.args.allowOnly({kHome, kJson}));
    SEN_TRY(ctx.args.expectPositional(2, QStringLiteral("duplicates DB [--json]")));
    SEN_ASSIGN_OR_RETURN(auto session, ctx.openSession(ctx.args.positional(1)));
    SEN_ASSIGN_OR_RETURN(const auto groups, session->duplicates());
    QJsonArray array;
    for (const std::vector<app::Registration>& group : groups) {
        QJsonArray documents;
        for (const app::Registration& r : group) {
            const QString arrived =
                r.arrived.isValid() ? r.arrived.toUTC().date().toString(Qt::ISODate) : QString();
            documents.append(QJsonObject{{QStringLiteral("unid"), r.unid.toHex()},
                                         {QStringLiteral("arrivalNumber"), r.arrivalNumber},
                                         {QStringLiteral("arrived"), arrived}});
            if (!ctx.args.has(kJson))
                ctx.out << r.title << '\t' << r.arrivalNumber << '\t' << arrived << '\t' << r.unid.toHex()
                        << '\n';
        }
        const app::Registration& first = group.front();
        array.append(QJsonObject{{QStringLiteral("key"), first.key.isEmpty() ? first.idKey : first.key},
                                 {QStringLiteral("title"), group.front().title},
                                 {QStringLiteral("documents"), documents}});
    }
    if (ctx.args.has(kJson))
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Compact) << '\n';
    return Status::ok();
}

} // namespace sen::cli
