# Man pages, made by help2man from each command's --help: the help text in
# src/cli/ is their one source.  Written to ${CMAKE_BINARY_DIR}/man/ and
# installed by cmake/install.cmake.
find_program(HELP2MAN help2man REQUIRED)
set(ENT_MAN_PAGES "")
foreach(page "entente|--help|turn curated datasets about diplomacy into RDF and diagrams"
             "entente-export|export --help|write datasets as RDF or as a diagram"
             "entente-validate|validate --help|check datasets and say what they hold"
             "entente-dot|dot --help|draw any RDF file as a diagram"
             "entente-push|push --help|send each source's named graph to a triple store"
             "entente-site|site --help|write datasets as a static site with search and diagrams"
             "entente-ontology|ontology --help|print entente's ontology, shapes, context or schema")
  string(REPLACE "|" ";" fields "${page}")
  list(GET fields 0 name)
  list(GET fields 1 help_option)
  list(GET fields 2 description)
  string(TOUPPER "${name}" title)
  set(output "${CMAKE_BINARY_DIR}/man/${name}.1")
  add_custom_command(
    OUTPUT "${output}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_BINARY_DIR}/man"
    COMMAND ${HELP2MAN} --no-info --no-discard-stderr
            "--help-option=${help_option}" --version-option=--version
            "--name=${description}" --section=1
            "--output=${output}.tmp" "$<TARGET_FILE:entente_cli>"
    COMMAND sed -e "s/^\\.TH ENTENTE /.TH ${title} /"
                -e "s/^entente \\\\- /${name} \\\\- /" "${output}.tmp" > "${output}"
    COMMAND ${CMAKE_COMMAND} -E remove "${output}.tmp"
    DEPENDS entente_cli
    COMMENT "Man page ${name}.1"
    VERBATIM)
  list(APPEND ENT_MAN_PAGES "${output}")
endforeach()
add_custom_target(man ALL DEPENDS ${ENT_MAN_PAGES})
