#pragma once

// The intranet site's Vietnamese (docs/web.md §Texts): the site's texts are English source
// strings in context "sen::web" (the schedule's mark names in "sen::schedule"), translated in
// the client's catalogue client/translations/sen_vi.ts, which is compiled into sen_server as the
// resource ":/sen-server/i18n/sen_vi.qm". installSiteTranslations() installs that catalogue on
// the application, whatever the machine's locale, for as long as the returned translator lives.
// Only strings with a Vietnamese translation change: the server's command-line messages are
// not translatable and stay English. Fails only if the resource is missing (a broken build).

#include "common/core/Result.h"

#include <QTranslator>

#include <memory>

namespace sen::server::web {

[[nodiscard]] Result<std::unique_ptr<QTranslator>> installSiteTranslations();

} // namespace sen::server::web
