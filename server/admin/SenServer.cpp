#include "server/admin/SenServer.h"

#include "server/admin/AdminCommands.h"

#include <QSet>

#include <optional>
#include <vector>

namespace sen::server {

namespace {

using Handler = Status (*)(AdminContext&);

// One command. To add one (the daemon's `run`, say), add an entry here and its handler.
struct Command
{
    QStringList words; // "acl", "set"
    int minOperands;   // positional words after `words`
    int maxOperands;
    QStringList valued;  // options taking a value, beyond --data
    QStringList flags;   // options taking none
    bool opensDirectory; // false only for init, which makes the directory
    Handler handler;
    QString usage; // after "sen-server --data DIR "
};

QString S(const char* text)
{
    return QString::fromLatin1(text);
}

const std::vector<Command>& commands()
{
    static const std::vector<Command> table = {
        {{S("init")},
         0,
         0,
         {S("--org"), S("--admin"), S("--admin-id"), S("--server"), S("--server-id"), S("--password-file")},
         {},
         false,
         runInit,
         S("init --org ORG --admin NAME --admin-id FILE [--server NAME] [--password-file F]\n"
           "  init --server-id FILE [--password-file F]   (a further server, from the hub's server add)")},
        {{S("register")},
         0,
         0,
         {S("--user"), S("--id"), S("--password-file")},
         {},
         true,
         runRegister,
         S("register --user NAME --id FILE [--password-file F]")},
        {{S("revoke")},
         0,
         0,
         {S("--user"), S("--server")},
         {},
         true,
         runRevoke,
         S("revoke --user NAME | --server NAME")},
        {{S("server"), S("add")},
         1,
         1,
         {S("--id"), S("--host"), S("--password-file")},
         {},
         true,
         runServerAdd,
         S("server add NAME --id FILE [--host HOST]... [--password-file F]")},
        {{S("web-password")},
         0,
         0,
         {S("--user"), S("--password-file")},
         {},
         true,
         runWebPassword,
         S("web-password --user NAME [--password-file F]")},
        {{S("db"), S("create")},
         1,
         1,
         {S("--kind"), S("--title"), S("--numbered-by")},
         {},
         true,
         runDbCreate,
         S("db create NAME --kind documents|calendar|news [--title TEXT] [--numbered-by SERVER]")},
        {{S("acl"), S("set")},
         3,
         3,
         {S("--role")},
         {S("--create"), S("--no-create"), S("--delete"), S("--no-delete")},
         true,
         runAclSet,
         S("acl set DB ENTRY LEVEL [--role ROLE]... [--create|--no-create] [--delete|--no-delete]")},
        {{S("acl"), S("list")}, 1, 1, {}, {S("--json")}, true, runAclList, S("acl list DB [--json]")},
        {{S("replicas")}, 0, 1, {}, {S("--json")}, true, runReplicas, S("replicas [DB] [--json]")},
        {{S("replicate")}, 1, 2, {}, {}, true, runReplicate, S("replicate HOST:PORT [DB]")},
        {{S("db"), S("replicate")}, 2, 2, {}, {}, true, runDbReplicate, S("db replicate HOST:PORT DB")},
        {{S("connection"), S("add")},
         1,
         1,
         {S("--databases"), S("--every"), S("--hours"), S("--parallel")},
         {S("--pull"), S("--push")},
         true,
         runConnectionAdd,
         S("connection add HOST:PORT [--databases A,B] [--pull|--push] [--every MINUTES]\n"
           "      [--hours HH:MM-HH:MM] [--parallel N]")},
        {{S("connection"), S("list")},
         0,
         0,
         {},
         {S("--json")},
         true,
         runConnectionList,
         S("connection list [--json]")},
        {{S("connection"), S("remove")},
         1,
         1,
         {},
         {},
         true,
         runConnectionRemove,
         S("connection remove HOST:PORT")},
        {{S("backup")}, 2, 2, {}, {}, true, runBackup, S("backup DB FILE")},
        {{S("bundle"), S("import")},
         1,
         1,
         {S("--answer")},
         {},
         true,
         runBundleImport,
         S("bundle import FILE --answer OUT")},
        {{S("bundle"), S("export")},
         1,
         1,
         {S("--for"), S("--out")},
         {},
         true,
         runBundleExport,
         S("bundle export DB --for USER --out FILE")},
        {{S("audit"), S("verify")}, 0, 0, {}, {}, true, runAuditVerify, S("audit verify")},
        {{S("audit"), S("acknowledge")},
         1,
         1,
         {S("--note")},
         {},
         true,
         runAuditAcknowledge,
         S("audit acknowledge SEQ --note TEXT")},
#if defined(Q_OS_WIN)
        // --service: started by the Service Control Manager (core/WindowsService.h).
        {{S("run")},
         0,
         0,
         {S("--listen"), S("--max-pending-numbers"), S("--web"), S("--web-session-seconds")},
         {S("--service")},
         true,
         runServe,
         S("run [--listen HOST:PORT] [--web HOST:PORT] [--max-pending-numbers N] [--service]")},
#else
        {{S("run")},
         0,
         0,
         {S("--listen"), S("--max-pending-numbers"), S("--web"), S("--web-session-seconds")},
         {},
         true,
         runServe,
         S("run [--listen HOST:PORT] [--web HOST:PORT] [--max-pending-numbers N]   (default "
           "127.0.0.1:1352)")},
#endif
    };
    return table;
}

QString usageText()
{
    QString text = S("usage: sen-server --data DIR COMMAND ...\n");
    for (const Command& command : commands())
        text += S("  ") + command.usage + u'\n';
    text += S("New ID and web passwords come from SEN_PASSWORD or the first line of --password-file F.\n"
              "LEVEL: noaccess, depositor, reader, author, editor, designer, manager.\n"
              "DB: a database name or its replica ID.\n");
    return text;
}

const Command* findCommand(const QStringList& positional)
{
    const Command* best = nullptr;
    for (const Command& command : commands()) {
        if (positional.mid(0, command.words.size()) == command.words &&
            (!best || command.words.size() > best->words.size()))
            best = &command;
    }
    return best;
}

int usageFailure(QTextStream& err, const QString& message)
{
    err << "sen-server: " << message << '\n' << usageText();
    return 2;
}

// What only the hub decides (docs/servers.md §"Authority across servers"): a spoke refuses it.
bool decidedAtHub(const Command& command)
{
    static const QList<QStringList> hubOnly = {{S("register")},
                                               {S("revoke")},
                                               {S("acl"), S("set")},
                                               {S("server"), S("add")},
                                               {S("db"), S("create")}};
    return hubOnly.contains(command.words);
}

} // namespace

int runSenServer(const QStringList& words, QTextStream& out, QTextStream& err, const QProcessEnvironment& env)
{
    QSet<QString> valued = {S("--data")};
    QSet<QString> flags = {S("--help")};
    for (const Command& command : commands()) {
        valued.unite(QSet<QString>(command.valued.begin(), command.valued.end()));
        flags.unite(QSet<QString>(command.flags.begin(), command.flags.end()));
    }
    auto parsed = cli::Arguments::parse(words, valued, flags);
    if (!parsed)
        return usageFailure(err, parsed.message());
    cli::Arguments& args = *parsed;
    args.setUsagePrefix(S("sen-server --data DIR "));
    if (args.has(S("--help"))) {
        out << usageText();
        return 0;
    }
    if (args.positional().isEmpty())
        return usageFailure(err, S("no command given"));
    const Command* command = findCommand(args.positional());
    if (!command)
        return usageFailure(err, S("unknown command \"%1\"").arg(args.positional().join(u' ')));
    if (args.value(S("--data")).isEmpty())
        return usageFailure(err, S("--data DIR is required"));
    QSet<QString> allowed = {S("--data")};
    allowed.unite(QSet<QString>(command->valued.begin(), command->valued.end()));
    allowed.unite(QSet<QString>(command->flags.begin(), command->flags.end()));
    if (const Status status = args.allowOnly(allowed); !status.isOk())
        return usageFailure(err, status.message());
    const QStringList operands = args.positional().mid(command->words.size());
    if (operands.size() < command->minOperands || operands.size() > command->maxOperands)
        return usageFailure(err, S("usage: sen-server --data DIR ") + command->usage);

    std::optional<DataDirectory> dir;
    if (command->opensDirectory) {
        auto opened = DataDirectory::open(args.value(S("--data")));
        if (!opened) {
            err << "sen-server: " << opened.message() << '\n';
            return 1;
        }
        dir.emplace(std::move(opened).value());
        if (decidedAtHub(*command) && !dir->holdsCertifier()) {
            err << "sen-server: " << command->words.join(u' ')
                << " is decided at the organisation's hub, the server holding the certifier; this server is "
                   "a "
                   "spoke and takes it from the hub's authority record (docs/servers.md)\n";
            return 1;
        }
    }
    AdminContext ctx{args, operands, args.value(S("--data")), dir ? &*dir : nullptr, out, env};
    const Status status = command->handler(ctx);
    out.flush();
    if (status.isOk())
        return 0;
    if (status.code() == ErrorCode::InvalidArgument && status.message().startsWith(QLatin1String("usage:")))
        return usageFailure(err, status.message());
    err << "sen-server: " << status.message() << '\n';
    return 1;
}

} // namespace sen::server
