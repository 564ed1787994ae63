# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installation and the Debian package. What a lab machine gets:
#
#   bin/procviz, bin/procviz-worker            the engine looks for the worker next to the application
#                                              (RunController: $PROCVIZ_WORKER, else applicationDirPath)
#   share/applications/<id>.desktop            the menu entry
#   share/icons/hicolor/<size>/apps/<id>.png   16 … 256 px, and scalable/apps/<id>.svg
#   share/metainfo/<id>.metainfo.xml           what software centres show
#   share/doc/procviz/                         README.md, the Debian copyright file and changelog.gz
#   share/man/man1/procviz.1.gz, procviz-worker.1.gz
#   share/procviz/python/observer/            the Python observer: first on PYTHONPATH of a lesson's program
#
# `cmake --install build` installs it under CMAKE_INSTALL_PREFIX; `cpack -G DEB` (or the `package` target)
# builds procviz_<version>_<arch>.deb. The desktop files and icons live in resources/desktop/.

set(PROCVIZ_APP_ID io.github.procviz.ProcViz)
set(PROCVIZ_DESKTOP_DIR ${PROJECT_SOURCE_DIR}/resources/desktop)

# Everything the package carries is in the `runtime` component; LICENSE is not, because Debian points to
# /usr/share/common-licenses/GPL-3 from the copyright file instead of shipping a second copy of the GPL.
install(TARGETS procviz procviz-worker RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)
# qt_standard_project_setup() gives installed programs the RUNPATH $ORIGIN:$ORIGIN/../lib for libraries
# installed beside them; ProcViz's own libraries are static, and /usr/bin/../lib is no place to look first.
set_target_properties(procviz procviz-worker PROPERTIES INSTALL_RPATH "")
install(FILES ${PROCVIZ_DESKTOP_DIR}/${PROCVIZ_APP_ID}.desktop
    DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/applications COMPONENT runtime)
install(FILES ${PROCVIZ_DESKTOP_DIR}/${PROCVIZ_APP_ID}.metainfo.xml
    DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/metainfo COMPONENT runtime)
install(DIRECTORY ${PROCVIZ_DESKTOP_DIR}/icons/hicolor
    DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/icons COMPONENT runtime)
set(PROCVIZ_INSTALL_DOCDIR ${CMAKE_INSTALL_DATAROOTDIR}/doc/procviz)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/resources/debian/copyright
    DESTINATION ${PROCVIZ_INSTALL_DOCDIR} COMPONENT runtime)
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${PROCVIZ_INSTALL_DOCDIR} COMPONENT license)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/python/observer
    DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/procviz/python COMPONENT runtime
    PATTERN __pycache__ EXCLUDE)
# Compiled once here: a lesson's program cannot write __pycache__ under /usr/share, and compiling the
# observer costs every spawned process some 10 ms. Unchecked hashes: the files never change once installed.
install(CODE "execute_process(COMMAND /usr/bin/python3 -m compileall -q --invalidation-mode unchecked-hash
    \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_DATAROOTDIR}/procviz/python/observer\")"
    COMPONENT runtime)

set(PROCVIZ_DEB_MAINTAINER "ProcViz maintainers <procviz@invalid>" CACHE STRING
    "Maintainer field of the .deb: set it to whoever builds the package for your machines, \"Name <mail>\"")

# Debian wants manual pages and the changelog compressed, reproducibly (gzip -n: no name, no time stamp).
function(procviz_install_gzipped source destination)
    get_filename_component(name ${source} NAME)
    set(output ${PROJECT_BINARY_DIR}/packaging/${name}.gz)
    add_custom_command(OUTPUT ${output}
        COMMAND gzip -9n --stdout ${source} > ${output}
        DEPENDS ${source}
        COMMENT "Compressing ${name}")
    add_custom_target(procviz_gzip_${name} ALL DEPENDS ${output})
    install(FILES ${output} DESTINATION ${destination} COMPONENT runtime)
endfunction()

configure_file(${PROJECT_SOURCE_DIR}/resources/debian/changelog.in ${PROJECT_BINARY_DIR}/packaging/changelog @ONLY)
procviz_install_gzipped(${PROJECT_BINARY_DIR}/packaging/changelog ${PROCVIZ_INSTALL_DOCDIR})
foreach(page procviz.1 procviz-worker.1)
    procviz_install_gzipped(${PROJECT_SOURCE_DIR}/resources/man/${page} ${CMAKE_INSTALL_MANDIR}/man1)
endforeach()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME procviz)
set(CPACK_PACKAGE_VENDOR "ProcViz contributors")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
# dpkg shows the extended description as it is: lines under 80 columns.
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
    "ProcViz teaches multiprocessing by running real operating-system processes"
    "and charting them live: threads against processes and the GIL, a shared"
    "counter with and without a lock, semaphores, queues, pipes, a pool of"
    "workers and the life of a process. Every worker has its own PID in ps and"
    "htop; every time shown was measured. The window and its lessons are in"
    "English and Korean, and the same program runs the scenarios from the"
    "command line.")
set(CPACK_STRIP_FILES ON)
# One package from the runtime component only (see LICENSE above).
set(CPACK_INSTALL_CMAKE_PROJECTS "${PROJECT_BINARY_DIR};${PROJECT_NAME};runtime;/")

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${PROCVIZ_DEB_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# dpkg-shlibdeps (dpkg-dev) finds the libraries the binaries link: libqt6core6, libqt6gui6, libqt6widgets6,
# libqcustomplot2.1-qt6 (Debian's Qt 6 build of QCustomPlot; it brings libqt6printsupport6), libc6,
# libstdc++6. It cannot see what Qt loads at run time, so: the xcb platform plugin (not pulled in by
# libqt6gui6) and the fonts the Korean interface needs.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, fonts-noto-cjk")
# Qt's own Korean strings (dialog buttons and the like); the app works without them.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

include(CPack)
