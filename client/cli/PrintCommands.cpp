// senctl print register: a register of ND 30 as a PDF file (client/app/RegisterReport.h laid
// out by client/print/RegisterPrinter.h); senctl print dossier: a dossier's table of contents
// (client/app/DossierReport.h, client/print/DossierPrinter.h); senctl print slip: an incoming
// document's phiếu giải quyết (client/app/SlipReport.h, client/print/SlipPrinter.h); senctl
// print followup: the sổ theo dõi giải quyết văn bản đến or its overdue variant
// (client/app/FollowUpReport.h, client/print/FollowUpPrinter.h). Need a QGuiApplication for
// their fonts: senctl's main makes one, on the offscreen platform, for this command
// (client/senctl/main.cpp).

#include "client/app/DossierReport.h"
#include "client/app/FollowUpReport.h"
#include "client/app/RegisterReport.h"
#include "client/app/SlipReport.h"
#include "client/cli/CommandContext.h"
#include "client/print/DossierPrinter.h"
#include "client/print/FollowUpPrinter.h"
#include "client/print/RegisterPrinter.h"
#include "client/print/SlipPrinter.h"

#include <QDate>

namespace sen::cli {

namespace {

const QString kRegisterUsage = QStringLiteral(
    "print register DB --direction in|out (--year YYYY | --from YYYY-MM-DD --to YYYY-MM-DD) --out FILE.pdf "
    "[--office TEXT]");

const QString kDossierUsage = QStringLiteral("print dossier DB DOSSIER --out FILE.pdf [--office TEXT]");

const QString kSlipUsage = QStringLiteral("print slip DB UNID --out FILE.pdf [--office TEXT]");

const QString kFollowUpUsage =
    QStringLiteral("print followup DB --from YYYY-MM-DD --to YYYY-MM-DD [--overdue] [--as-of YYYY-MM-DD] "
                   "--out FILE.pdf [--office TEXT]");

Status usage(const QString& why, const QString& usage = kRegisterUsage)
{
    return Status(ErrorCode::InvalidArgument, QStringLiteral("usage: %1; %2").arg(why, usage));
}

Result<app::RegisterPeriod> periodOf(const Arguments& args)
{
    const bool year = args.has(QStringLiteral("--year"));
    const bool from = args.has(QStringLiteral("--from"));
    const bool to = args.has(QStringLiteral("--to"));
    if (year == (from || to) || from != to)
        return usage(QStringLiteral("give either --year or both --from and --to"));
    if (year) {
        bool ok = false;
        const int value = args.value(QStringLiteral("--year")).toInt(&ok);
        if (!ok || value < 1 || value > 9999)
            return usage(QStringLiteral("--year takes a year such as 2026"));
        return app::RegisterPeriod::ofYear(value);
    }
    const QDate first = QDate::fromString(args.value(QStringLiteral("--from")), Qt::ISODate);
    const QDate last = QDate::fromString(args.value(QStringLiteral("--to")), Qt::ISODate);
    if (!first.isValid() || !last.isValid())
        return usage(QStringLiteral("--from and --to take dates such as 2026-01-31"));
    auto period = app::RegisterPeriod::between(first, last);
    if (!period)
        return usage(period.status().message());
    return period;
}

Status printRegister(CommandContext& ctx)
{
    SEN_TRY(ctx.args.allowOnly({QStringLiteral("--home"), QStringLiteral("--direction"),
                                QStringLiteral("--year"), QStringLiteral("--from"), QStringLiteral("--to"),
                                QStringLiteral("--out"), QStringLiteral("--office")}));
    SEN_TRY(ctx.args.expectPositional(3, kRegisterUsage));
    const QString direction = ctx.args.value(QStringLiteral("--direction"));
    if (direction != u"in" && direction != u"out")
        return usage(QStringLiteral("--direction is in or out"));
    if (ctx.args.value(QStringLiteral("--out")).isEmpty())
        return usage(QStringLiteral("--out FILE.pdf is required"));
    SEN_ASSIGN_OR_RETURN(const app::RegisterPeriod period, periodOf(ctx.args));
    SEN_ASSIGN_OR_RETURN(auto session, ctx.openSession(ctx.args.positional(2)));
    SEN_ASSIGN_OR_RETURN(const app::RegisterReport report,
                         app::RegisterReport::build(*session,
                                                    direction == u"in" ? app::RegisterDirection::Incoming
                                                                       : app::RegisterDirection::Outgoing,
                                                    period, ctx.args.value(QStringLiteral("--office"))));
    const QString path = ctx.args.value(QStringLiteral("--out"));
    SEN_ASSIGN_OR_RETURN(const int pages, print::writeRegisterPdf(report, path));
    ctx.out << path << ": " << report.rows.size() << (report.rows.size() == 1 ? " entry, " : " entries, ")
            << pages << (pages == 1 ? " page\n" : " pages\n");
    return Status::ok();
}

Status printDossier(CommandContext& ctx)
{
    // An option it does not take is a wrong command line too (exit status 2).
    if (const Status options = ctx.args.allowOnly(
            {QStringLiteral("--home"), QStringLiteral("--out"), QStringLiteral("--office")});
        !options.isOk())
        return usage(options.message(), kDossierUsage);
    SEN_TRY(ctx.args.expectPositional(4, kDossierUsage));
    if (ctx.args.value(QStringLiteral("--out")).isEmpty())
        return usage(QStringLiteral("--out FILE.pdf is required"), kDossierUsage);
    const auto dossier = parseUnid(ctx.args.positional(3));
    if (!dossier)
        return usage(dossier.status().message(), kDossierUsage);
    SEN_ASSIGN_OR_RETURN(auto session, ctx.openSession(ctx.args.positional(2)));
    SEN_ASSIGN_OR_RETURN(
        const app::DossierReport report,
        app::DossierReport::build(*session, *dossier, ctx.args.value(QStringLiteral("--office"))));
    const QString path = ctx.args.value(QStringLiteral("--out"));
    SEN_ASSIGN_OR_RETURN(const int pages, print::writeDossierPdf(report, path));
    ctx.out << path << ": " << report.rows.size()
            << (report.rows.size() == 1 ? " document, " : " documents, ") << pages
            << (pages == 1 ? " page\n" : " pages\n");
    return Status::ok();
}

Status printSlip(CommandContext& ctx)
{
    if (const Status options = ctx.args.allowOnly(
            {QStringLiteral("--home"), QStringLiteral("--out"), QStringLiteral("--office")});
        !options.isOk())
        return usage(options.message(), kSlipUsage);
    SEN_TRY(ctx.args.expectPositional(4, kSlipUsage));
    if (ctx.args.value(QStringLiteral("--out")).isEmpty())
        return usage(QStringLiteral("--out FILE.pdf is required"), kSlipUsage);
    const auto incoming = parseUnid(ctx.args.positional(3));
    if (!incoming)
        return usage(incoming.status().message(), kSlipUsage);
    SEN_ASSIGN_OR_RETURN(auto session, ctx.openSession(ctx.args.positional(2)));
    SEN_ASSIGN_OR_RETURN(
        const app::SlipReport slip,
        app::SlipReport::build(*session, *incoming, ctx.args.value(QStringLiteral("--office"))));
    const QString path = ctx.args.value(QStringLiteral("--out"));
    SEN_ASSIGN_OR_RETURN(const int pages, print::writeSlipPdf(slip, path));
    const std::size_t opinions = slip.agency.size() + slip.unit.size() + slip.handler.size();
    ctx.out << path << ": " << opinions << (opinions == 1 ? " opinion, " : " opinions, ") << pages
            << (pages == 1 ? " page\n" : " pages\n");
    return Status::ok();
}

Status printFollowUp(CommandContext& ctx)
{
    if (const Status options =
            ctx.args.allowOnly({QStringLiteral("--home"), QStringLiteral("--from"), QStringLiteral("--to"),
                                QStringLiteral("--overdue"), QStringLiteral("--as-of"),
                                QStringLiteral("--out"), QStringLiteral("--office")});
        !options.isOk())
        return usage(options.message(), kFollowUpUsage);
    SEN_TRY(ctx.args.expectPositional(3, kFollowUpUsage));
    if (ctx.args.value(QStringLiteral("--out")).isEmpty())
        return usage(QStringLiteral("--out FILE.pdf is required"), kFollowUpUsage);
    const QDate first = QDate::fromString(ctx.args.value(QStringLiteral("--from")), Qt::ISODate);
    const QDate last = QDate::fromString(ctx.args.value(QStringLiteral("--to")), Qt::ISODate);
    if (!first.isValid() || !last.isValid())
        return usage(QStringLiteral("--from and --to take dates such as 2026-01-31"), kFollowUpUsage);
    const auto period = app::RegisterPeriod::between(first, last);
    if (!period)
        return usage(period.status().message(), kFollowUpUsage);
    QDate asOf = QDate::currentDate();
    if (ctx.args.has(QStringLiteral("--as-of"))) {
        asOf = QDate::fromString(ctx.args.value(QStringLiteral("--as-of")), Qt::ISODate);
        if (!asOf.isValid())
            return usage(QStringLiteral("--as-of takes a date such as 2026-01-31"), kFollowUpUsage);
    }
    SEN_ASSIGN_OR_RETURN(auto session, ctx.openSession(ctx.args.positional(2)));
    SEN_ASSIGN_OR_RETURN(const app::FollowUpReport report,
                         app::FollowUpReport::build(*session, *period, asOf,
                                                    ctx.args.has(QStringLiteral("--overdue")),
                                                    ctx.args.value(QStringLiteral("--office"))));
    const QString path = ctx.args.value(QStringLiteral("--out"));
    SEN_ASSIGN_OR_RETURN(const int pages, print::writeFollowUpPdf(report, path));
    ctx.out << path << ": " << report.rows.size() << (report.rows.size() == 1 ? " entry, " : " entries, ")
            << pages << (pages == 1 ? " page\n" : " pages\n");
    return Status::ok();
}

} // namespace

Status runPrintCommand(CommandContext& ctx)
{
    const QString what = ctx.args.positional(1);
    if (what == u"register")
        return printRegister(ctx);
    if (what == u"dossier")
        return printDossier(ctx);
    if (what == u"slip")
        return printSlip(ctx);
    if (what == u"followup")
        return printFollowUp(ctx);
    return Status(ErrorCode::InvalidArgument,
                  QStringLiteral("usage: ") +
                      QStringList{kRegisterUsage, kDossierUsage, kSlipUsage, kFollowUpUsage}.join(
                          QStringLiteral(" | ")));
}

} // namespace sen::cli
