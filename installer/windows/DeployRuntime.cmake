# Runs at install time on Windows (installer/windows/WindowsDeploy.cmake sets the SEN_DEPLOY_*
# variables and SEN_WINDEPLOYQT first): copies Qt (windeployqt) and the other DLLs the
# programs load into ${CMAKE_INSTALL_PREFIX}/bin. CPack installs each component under its
# own prefix, so this bin/ is the runtime component's.

set(_bin "${CMAKE_INSTALL_PREFIX}/${SEN_DEPLOY_BINDIR}")
file(MAKE_DIRECTORY "${_bin}")

message(STATUS "windeployqt: Qt for ${SEN_DEPLOY_PROGRAMS} into ${_bin}")
# The compiler runtime comes from InstallRequiredSystemLibraries; no software OpenGL or D3D
# compiler is needed by Qt Widgets on Windows 10 and later.
execute_process(
    COMMAND "${SEN_WINDEPLOYQT}" --dir "${_bin}" --no-compiler-runtime --no-system-d3d-compiler
            --no-opengl-sw --verbose 0 ${SEN_DEPLOY_PROGRAMS}
    RESULT_VARIABLE _result)
if(NOT _result EQUAL 0)
    message(FATAL_ERROR "windeployqt failed (${_result})")
endif()

if(SEN_DUMPBIN)
    set(CMAKE_GET_RUNTIME_DEPENDENCIES_TOOL dumpbin)
    set(CMAKE_GET_RUNTIME_DEPENDENCIES_COMMAND "${SEN_DUMPBIN}")
endif()
# SQLite, Botan, libsodium, zstd (and anything else from vcpkg). Qt's DLLs resolve too (from Qt's bin/)
# and are copied again, identically; Windows' own DLLs are left out.
file(GET_RUNTIME_DEPENDENCIES
    EXECUTABLES ${SEN_DEPLOY_PROGRAMS}
    RESOLVED_DEPENDENCIES_VAR _resolved
    UNRESOLVED_DEPENDENCIES_VAR _unresolved
    DIRECTORIES ${SEN_DEPLOY_DLL_DIRS}
    PRE_EXCLUDE_REGEXES [[^api-ms-]] [[^ext-ms-]]
    POST_EXCLUDE_REGEXES [[.*[/\\][Ss][Yy][Ss][Tt][Ee][Mm]32[/\\].*]])
if(_unresolved)
    message(FATAL_ERROR "DLLs the programs need were not found: ${_unresolved}")
endif()
file(INSTALL ${_resolved} DESTINATION "${_bin}")
