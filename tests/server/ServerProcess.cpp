#include "tests/server/ServerProcess.h"

#include <QRegularExpression>

#include <catch2/catch.hpp>

namespace sen::test {

namespace {

const QString kServerExe = QStringLiteral(SEN_SERVER_EXE);
const QString kSenctlExe = QStringLiteral(SENCTL_EXE);

QProcessEnvironment environment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SEN_PASSWORD"), ServerProcess::kPassword);
    env.insert(QStringLiteral("SEN_KDF_COST"), QStringLiteral("test")); // cheap ID files for tests
    return env;
}

ProcessOutput run(const QString& program, const QStringList& arguments,
                  const QProcessEnvironment& env = environment())
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(program, arguments);
    REQUIRE(process.waitForFinished(120'000));
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QString requireOk(const QString& program, const QStringList& arguments,
                  const QProcessEnvironment& env = environment())
{
    const ProcessOutput output = run(program, arguments, env);
    INFO(program.toStdString() << ' ' << arguments.join(u' ').toStdString() << ": "
                               << output.err.toStdString());
    REQUIRE(output.code == 0);
    return output.out.trimmed();
}

} // namespace

ServerProcess::ServerProcess(TempDir& dir)
    : m_dir(dir), m_data(dir.path(QStringLiteral("data"))), m_env(environment())
{
    admin({QStringLiteral("init"), QStringLiteral("--org"), QStringLiteral("VPTU/HaNoi"),
           QStringLiteral("--admin"), QStringLiteral("Quản Trị"), QStringLiteral("--admin-id"),
           dir.path(QStringLiteral("admin.id"))});
}

ServerProcess::ServerProcess(TempDir& dir, const QString& name, const QString& serverIdFile)
    : m_dir(dir), m_data(dir.path(name)), m_env(environment())
{
    admin({QStringLiteral("init"), QStringLiteral("--server-id"), serverIdFile});
}

ProcessOutput ServerProcess::adminRun(QStringList words)
{
    words.prepend(m_data);
    words.prepend(QStringLiteral("--data"));
    return run(kServerExe, words, m_env);
}

QString ServerProcess::addServer(const QString& name)
{
    const QString path = m_dir.path(name + QStringLiteral("-server.id"));
    admin({QStringLiteral("server"), QStringLiteral("add"), name, QStringLiteral("--id"), path});
    return path;
}

ServerProcess::~ServerProcess()
{
    if (m_daemon && m_daemon->state() != QProcess::NotRunning) {
        m_daemon->kill();
        m_daemon->waitForFinished(10'000);
    }
}

QString ServerProcess::admin(QStringList words)
{
    words.prepend(m_data);
    words.prepend(QStringLiteral("--data"));
    return requireOk(kServerExe, words, m_env);
}

QString ServerProcess::registerUser(const QString& name)
{
    const QString path = m_dir.path(name + QStringLiteral(".id"));
    admin({QStringLiteral("register"), QStringLiteral("--user"), name, QStringLiteral("--id"), path});
    return path;
}

QString ServerProcess::databasePath(const QString& name) const
{
    return m_data + QStringLiteral("/databases/") + name + QStringLiteral(".sen");
}

void ServerProcess::start(const QStringList& extra)
{
    m_daemon = std::make_unique<QProcess>();
    m_daemon->setProcessEnvironment(m_env);
    // A restart listens on the same address, so clients' replica settings stay right.
    const QString listen = m_address.isEmpty() ? QStringLiteral("127.0.0.1:0") : m_address;
    m_daemon->start(kServerExe, QStringList{QStringLiteral("--data"), m_data, QStringLiteral("run"),
                                            QStringLiteral("--listen"), listen} +
                                    extra);
    REQUIRE(m_daemon->waitForStarted());
    const bool web = extra.contains(QStringLiteral("--web"));
    QString banner;
    while (banner.count(u'\n') < (web ? 2 : 1) && m_daemon->waitForReadyRead(20'000))
        banner += QString::fromUtf8(m_daemon->readAllStandardOutput());
    INFO(banner.toStdString() << QString::fromUtf8(m_daemon->readAllStandardError()).toStdString());
    const auto match = QRegularExpression(QStringLiteral("listening on (\\S+)")).match(banner);
    REQUIRE(match.hasMatch());
    m_address = match.captured(1);
    if (web) {
        const auto site = QRegularExpression(QStringLiteral("web site on https://(\\S+)")).match(banner);
        REQUIRE(site.hasMatch());
        m_webAddress = site.captured(1);
    }
}

void ServerProcess::kill()
{
    REQUIRE(m_daemon);
    m_daemon->kill();
    REQUIRE(m_daemon->waitForFinished(10'000));
}

void ServerProcess::stop()
{
    REQUIRE(m_daemon);
    m_daemon->terminate();
    REQUIRE(m_daemon->waitForFinished(20'000));
    REQUIRE(m_daemon->exitStatus() == QProcess::NormalExit);
    REQUIRE(m_daemon->exitCode() == 0);
}

ProcessOutput ServerProcess::senctl(const QString& home, QStringList words)
{
    words.prepend(home);
    words.prepend(QStringLiteral("--home"));
    return run(kSenctlExe, words);
}

QString ServerProcess::senctlOk(const QString& home, const QStringList& words)
{
    QStringList full = words;
    full.prepend(home);
    full.prepend(QStringLiteral("--home"));
    return requireOk(kSenctlExe, full);
}

} // namespace sen::test
