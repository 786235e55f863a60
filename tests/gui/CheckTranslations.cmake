# CTest test translations_up_to_date: runs lupdate over the client's translatable sources
# into a copy of a shipped catalogue and fails when the sources hold a message the catalogue
# lacks (lupdate adds it unfinished) or the catalogue holds one the sources dropped.
# Usage: cmake -DLUPDATE=... -DTS_FILE=... -DSOURCES_FILE=... -DWORK_DIR=... [-DLUPDATE_OPTIONS=...]
#        -P CheckTranslations.cmake

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
get_filename_component(name "${TS_FILE}" NAME)
file(COPY "${TS_FILE}" DESTINATION "${WORK_DIR}")
set(copy "${WORK_DIR}/${name}")
file(READ "${copy}" before)
string(REGEX MATCHALL "<message[ >]" before_messages "${before}")
list(LENGTH before_messages before_count)

execute_process(COMMAND "${LUPDATE}" ${LUPDATE_OPTIONS} -no-obsolete -locations none "@${SOURCES_FILE}" -ts "${copy}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "lupdate failed (${rc}): ${out}${err}")
endif()

file(READ "${copy}" after)
string(REGEX MATCHALL "<message[ >]" after_messages "${after}")
list(LENGTH after_messages after_count)
string(REGEX MATCHALL "type=\"unfinished\"" unfinished "${after}")
list(LENGTH unfinished unfinished_count)
if(unfinished_count GREATER 0 OR NOT before_count EQUAL after_count)
    message(FATAL_ERROR
        "${name} is out of date with the sources: ${unfinished_count} message(s) untranslated, "
        "${before_count} messages before lupdate and ${after_count} after. Refresh it with "
        "`cmake --build --preset dev --target sen_gui_lupdate` and translate what it adds.\n${out}")
endif()
message(STATUS "${name}: ${after_count} messages, all translated")
