// senctl register list: the database's registers (docs/registers.md) and the run of numbers
// each has in this replica — direction, period, series, last number, registrations awaiting
// their number — read through the same session as sen (client/app/DatabaseSession.h).

#include "client/cli/CommandContext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sen::cli {

Status runRegisterCommand(CommandContext& ctx)
{
    const QString kHome = QStringLiteral("--home");
    const QString kJson = QStringLiteral("--json");
    SEN_TRY(ctx.args.allowOnly({kHome, kJson}));
    SEN_TRY(ctx.args.expectPositional(3, QStringLiteral("register list DB [--json]")));
    if (ctx.args.positional(1) != QLatin1String("list"))
        return Status(ErrorCode::InvalidArgument, QStringLiteral("usage: register list DB [--json]"));
    SEN_ASSIGN_OR_RETURN(auto session, ctx.openSession(ctx.args.positional(2)));
    SEN_ASSIGN_OR_RETURN(const auto runs, session->registerRuns());
    QJsonArray array;
    for (const app::DatabaseSession::RegisterRun& run : runs) {
        // "NQ/TW" for a series; the office's abbreviation alone ("HU") for a register of every type.
        QStringList codes{run.book.typeCode, run.book.issuerCode};
        codes.removeAll(QString());
        const QString series = codes.join(u'/');
        const QString direction = registers::directionCode(run.book.direction);
        array.append(QJsonObject{{QStringLiteral("register"), run.book.unid.toHex()},
                                 {QStringLiteral("name"), run.book.name},
                                 {QStringLiteral("direction"), direction},
                                 {QStringLiteral("secret"), run.book.secret},
                                 {QStringLiteral("cycle"), registers::cycleCode(run.book.cycle)},
                                 {QStringLiteral("series"), series},
                                 {QStringLiteral("period"), run.period},
                                 {QStringLiteral("numbered"), run.numbered},
                                 {QStringLiteral("lastNumber"), run.last},
                                 {QStringLiteral("awaiting"), run.awaiting}});
        if (!ctx.args.has(kJson))
            ctx.out << run.book.name << '\t' << direction << (run.book.secret ? "\tmat" : "\t") << '\t'
                    << run.period << '\t' << series << '\t' << run.last << '\t' << run.awaiting << '\t'
                    << run.book.unid.toHex() << '\n';
    }
    if (ctx.args.has(kJson))
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Compact) << '\n';
    return Status::ok();
}

} // namespace sen::cli
