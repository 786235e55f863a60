#include "server/web/WebTranslations.h"

#include <QCoreApplication>

namespace sen::server::web {

Result<std::unique_ptr<QTranslator>> installSiteTranslations()
{
    auto translator = std::make_unique<QTranslator>();
    const QString catalogue = QStringLiteral(":/sen-server/i18n/sen_vi.qm");
    if (!translator->load(catalogue) || !QCoreApplication::installTranslator(translator.get()))
        return Status(ErrorCode::IoError,
                      QStringLiteral("cannot load the web site's Vietnamese catalogue %1").arg(catalogue));
    return translator;
}

} // namespace sen::server::web
