#include "bench/ServerProcess.h"

#include <QFile>
#include <QRegularExpression>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>
#endif

namespace sen::bench {

namespace {

constexpr int kCommandTimeoutMs = 60'000;

#ifdef Q_OS_LINUX
qint64 statusField(const QByteArray& status, QByteArrayView field)
{
    for (const QByteArray& line : status.split('\n')) {
        if (line.startsWith(field))
            return line.mid(field.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}
#endif

} // namespace

ProcessSample sampleProcess(qint64 pid)
{
    ProcessSample sample;
#ifdef Q_OS_LINUX
    const QString dir = pid == 0 ? QStringLiteral("/proc/self") : QStringLiteral("/proc/%1").arg(pid);
    QFile status(dir + QStringLiteral("/status"));
    if (status.open(QIODevice::ReadOnly)) {
        const QByteArray text = status.readAll();
        sample.rssKiB = statusField(text, "VmRSS:");
        sample.peakKiB = statusField(text, "VmHWM:");
    }
    // /proc/<pid>/stat: "pid (comm) state ..." with utime and stime the 14th and 15th fields;
    // comm may hold spaces, so count from the last ')'.
    QFile stat(dir + QStringLiteral("/stat"));
    if (stat.open(QIODevice::ReadOnly)) {
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 12) {
            const double ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
            sample.cpuSeconds = (fields[11].toDouble() + fields[12].toDouble()) / ticks;
        }
    }
#else
    Q_UNUSED(pid);
#endif
    return sample;
}

qint64 listenOverflows()
{
#ifdef Q_OS_LINUX
    // Two "TcpExt:" lines: the field names, then their values.
    QFile file(QStringLiteral("/proc/net/netstat"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    QList<QByteArray> names;
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (!line.startsWith("TcpExt:"))
            continue;
        if (names.isEmpty()) {
            names = line.split(' ');
            continue;
        }
        const qsizetype at = names.indexOf("ListenOverflows");
        const QList<QByteArray> values = line.split(' ');
        return at >= 0 && at < values.size() ? values[at].toLongLong() : -1;
    }
#endif
    return -1;
}

void endWithThisProcess(QProcess& process)
{
#ifdef Q_OS_LINUX
    process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#else
    Q_UNUSED(process);
#endif
}

ServerProcess::ServerProcess(QString executable, QString dataDir)
    : m_executable(std::move(executable)), m_dataDir(std::move(dataDir))
{}

ServerProcess::~ServerProcess()
{
    stop();
}

QProcessEnvironment ServerProcess::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SEN_KDF_COST"), QStringLiteral("test"));
    env.insert(QStringLiteral("SEN_PASSWORD"), password());
    for (const QString& name : m_extraEnv.keys())
        env.insert(name, m_extraEnv.value(name));
    return env;
}

Result<QString> ServerProcess::admin(const QStringList& args)
{
    QProcess process;
    process.setProcessEnvironment(environment());
    endWithThisProcess(process);
    process.start(m_executable, QStringList{QStringLiteral("--data"), m_dataDir} + args);
    if (!process.waitForFinished(kCommandTimeoutMs) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0)
        return Status(ErrorCode::Internal, QStringLiteral("sen-server %1 failed: %2 %3")
                                               .arg(args.join(u' '), process.errorString(),
                                                    QString::fromUtf8(process.readAllStandardError())));
    return QString::fromUtf8(process.readAllStandardOutput());
}

Status ServerProcess::init()
{
    return admin({QStringLiteral("init"), QStringLiteral("--org"), org(), QStringLiteral("--admin"),
                  QStringLiteral("Admin"), QStringLiteral("--admin-id"),
                  m_dataDir + QStringLiteral("-admin.id")})
        .status();
}

Status ServerProcess::registerUser(const QString& name, const QString& idPath)
{
    return admin({QStringLiteral("register"), QStringLiteral("--user"), name, QStringLiteral("--id"), idPath})
        .status();
}

Result<QString> ServerProcess::createDatabase(const QString& name, const QString& user)
{
    SEN_TRY(admin({QStringLiteral("db"), QStringLiteral("create"), name, QStringLiteral("--kind"),
                   QStringLiteral("documents")})
                .status());
    SEN_TRY(
        admin({QStringLiteral("acl"), QStringLiteral("set"), name, user, QStringLiteral("editor")}).status());
    return QString(m_dataDir + QStringLiteral("/databases/") + name + QStringLiteral(".sen"));
}

Status ServerProcess::start(const QStringList& extra)
{
    m_run = std::make_unique<QProcess>();
    m_run->setProcessEnvironment(environment());
    m_run->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    endWithThisProcess(*m_run);
    m_run->start(m_executable, QStringList{QStringLiteral("--data"), m_dataDir, QStringLiteral("run"),
                                           QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")} +
                                   extra);
    const bool web = extra.contains(QStringLiteral("--web"));
    // "sen-server NAME listening on 127.0.0.1:PORT"
    static const QRegularExpression listening(QStringLiteral("listening on [^\\s]+:(\\d+)"));
    QString output;
    while (m_run->waitForReadyRead(kCommandTimeoutMs)) {
        output += QString::fromUtf8(m_run->readAllStandardOutput());
        static const QRegularExpression site(QStringLiteral("web site on https://[^\\s]+:(\\d+)\\s"));
        const auto match = listening.match(output);
        const auto siteMatch = site.match(output);
        if (match.hasMatch() && (!web || siteMatch.hasMatch())) {
            m_port = static_cast<quint16>(match.captured(1).toUInt());
            m_webPort = web ? static_cast<quint16>(siteMatch.captured(1).toUInt()) : 0;
            return Status::ok();
        }
    }
    return Status(ErrorCode::Internal,
                  QStringLiteral("sen-server run did not start: %1 %2").arg(m_run->errorString(), output));
}

void ServerProcess::stop()
{
    if (!m_run)
        return;
    m_run->terminate();
    if (!m_run->waitForFinished(30'000))
        m_run->kill();
    m_run->waitForFinished();
    m_run.reset();
    m_port = 0;
}

qint64 ServerProcess::pid() const
{
    return m_run ? m_run->processId() : 0;
}

} // namespace sen::bench
