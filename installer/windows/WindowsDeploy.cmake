# Windows only (included from installer/CMakeLists.txt): puts the DLLs next to the programs
# in the `runtime` component, so the NSIS installer (and `cmake --install`) yields a
# self-contained folder.
#
# - Qt: windeployqt, run at install time on the build tree's programs with --dir pointing at
#   the component's bin/, so it works though CPack stages each component separately.
# - SQLite, Botan, libsodium, zstd (vcpkg DLLs): file(GET_RUNTIME_DEPENDENCIES) on the same programs.
# - The MSVC runtime: InstallRequiredSystemLibraries, app-local.

set(_sen_programs senctl sen-server)
if(TARGET sen)
    list(PREPEND _sen_programs sen)
endif()
set(_sen_program_files "")
foreach(program IN LISTS _sen_programs)
    list(APPEND _sen_program_files "$<TARGET_FILE:${program}>")
endforeach()

# windeployqt sits beside qmake/moc in Qt's bin directory.
if(TARGET Qt6::windeployqt)
    get_target_property(SEN_WINDEPLOYQT Qt6::windeployqt IMPORTED_LOCATION)
endif()
if(NOT SEN_WINDEPLOYQT)
    get_target_property(_sen_moc Qt6::moc IMPORTED_LOCATION)
    get_filename_component(_sen_qt_bin "${_sen_moc}" DIRECTORY)
    find_program(SEN_WINDEPLOYQT windeployqt HINTS "${_sen_qt_bin}" "${QT6_INSTALL_PREFIX}/bin" REQUIRED)
endif()
get_filename_component(_sen_qt_bin "${SEN_WINDEPLOYQT}" DIRECTORY)

# Where the non-Qt DLLs can be found: beside the programs (vcpkg's applocal copies them
# there) and in vcpkg's installed tree.
set(_sen_dll_dirs "$<TARGET_FILE_DIR:sen-server>" "${_sen_qt_bin}")
if(DEFINED VCPKG_INSTALLED_DIR AND DEFINED VCPKG_TARGET_TRIPLET)
    list(APPEND _sen_dll_dirs "${VCPKG_INSTALLED_DIR}/${VCPKG_TARGET_TRIPLET}/bin")
endif()

# file(GET_RUNTIME_DEPENDENCIES) reads the imports with dumpbin, which sits beside cl.exe.
get_filename_component(_sen_compiler_dir "${CMAKE_CXX_COMPILER}" DIRECTORY)
find_program(SEN_DUMPBIN dumpbin HINTS "${_sen_compiler_dir}")

# What DeployRuntime.cmake needs, set in the install script first (generator expressions
# are evaluated here, per configuration).
install(CODE "
    set(SEN_DEPLOY_PROGRAMS \"${_sen_program_files}\")
    set(SEN_DEPLOY_DLL_DIRS \"${_sen_dll_dirs}\")
    set(SEN_WINDEPLOYQT \"${SEN_WINDEPLOYQT}\")
    set(SEN_DEPLOY_BINDIR \"${CMAKE_INSTALL_BINDIR}\")
    set(SEN_DUMPBIN \"${SEN_DUMPBIN}\")
" COMPONENT runtime)
install(SCRIPT ${CMAKE_CURRENT_LIST_DIR}/DeployRuntime.cmake COMPONENT runtime)

set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION ${CMAKE_INSTALL_BINDIR})
set(CMAKE_INSTALL_SYSTEM_RUNTIME_COMPONENT runtime)
include(InstallRequiredSystemLibraries)
