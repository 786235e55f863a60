# Every third-party dependency is found here, once. All of them are Debian 12 packages
# (see scripts/install-deps.sh); on Windows they come from vcpkg or the Qt installer.

find_package(Qt6 6.4 REQUIRED COMPONENTS Core Gui Network PrintSupport Widgets Test LinguistTools)
# Qt PDF (Debian 12: qt6-pdf-dev): PDF attachments shown in `sen` (Pdf, PdfWidgets) and the
# text layer of PDF scans indexed for search (Pdf; client/pdf). Found separately because it
# is its own Debian package and, on Windows, an "Additional Library" of the Qt installer.
find_package(Qt6 6.4 REQUIRED COMPONENTS Pdf PdfWidgets)
find_package(PkgConfig REQUIRED)
# Qt HTTP Server (Debian 12: qt6-httpserver-dev): sen-server's intranet site over HTTPS
# (server/web, docs/web.md).
find_package(Qt6 6.4 REQUIRED COMPONENTS HttpServer)

# SQLite: the system library (FTS5 and the session extension are enabled in Debian's build).
find_package(SQLite3 3.35 REQUIRED)

# Botan 2: only common/crypto includes its headers.
pkg_check_modules(Botan2 REQUIRED IMPORTED_TARGET botan-2>=2.17)

# libsodium (Debian 12: libsodium-dev): Argon2id of the ID files in SIMD code chosen at run time,
# about twice as fast as Botan 2's portable code for the same bytes; every login of sen and
# every senctl command pays one derivation. Only common/crypto/Argon2id.cpp includes it.
pkg_check_modules(Sodium REQUIRED IMPORTED_TARGET libsodium>=1.0.18)

# zstd: frames on the wire and stored chunks.
pkg_check_modules(Zstd REQUIRED IMPORTED_TARGET libzstd>=1.4)

# libical (Debian 12: libical-dev): the weekly schedule exported as iCalendar (RFC 5545,
# common/schedule/ICalendar.cpp is the only file that includes it).
pkg_check_modules(LibIcal REQUIRED IMPORTED_TARGET libical>=3.0)

# libxml2 (Debian 12: libxml2-dev): its HTML parser reads an article's rich text for the
# intranet site's sanitiser (server/web/HtmlSanitiser.cpp is the only file that includes it):
# a browser-grade parser rather than regular expressions.
find_package(LibXml2 2.9 REQUIRED)

if(SEN_BUILD_TESTS)
    find_package(Catch2 2.13 REQUIRED)
    include(Catch)
endif()
