# SPDX-License-Identifier: MIT
# bash completion for entente.  Installed as
# share/bash-completion/completions/entente; tests/cli/test_cli.sh checks
# that it offers every option each command's --help lists.

_entente_options() {
  case $1 in
    export)
      echo "-f --format -o --output -O --output-dir -j --jobs --threads --ascii --buffered-limit -q --quiet --progress
            --corpus --text-dir --text --base --ontology -w --no-warnings --strict
            --view --depth --max-nodes --time-limit --engine --lang -h --help" ;;
    validate)
      echo "-q --quiet --progress --corpus --text-dir --text --base --ontology -w --no-warnings
            --strict -h --help" ;;
    dot)
      echo "-f --format -o --output -O --output-dir --syntax -q --quiet --progress --view --depth --max-nodes --time-limit
            --engine --lang --ontology -w --no-warnings --strict -h --help" ;;
    push)
      echo "--store --graph --replace --append --user --password-file
            --allow-insecure-auth --proxy --dry-run --chunk --timeout --corpus
            --text-dir --base --ontology -w --no-warnings --strict -h --help" ;;
    site)
      echo "-O --output-dir --title --max-nodes --time-limit --lang -q --quiet --progress
            --corpus --text-dir --text --base --ontology -w --no-warnings --strict -h --help" ;;
    ontology)
      echo "--shapes --context --schema -h --help" ;;
  esac
}

_entente() {
  local cur prev words cword
  _init_completion -n = || return
  local commands="export validate dot push site ontology help"
  if ((cword == 1)); then
    COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur"))
    return
  fi
  local command=${words[1]}
  case $prev in
    -f | --format)
      if [[ $command == dot ]]; then
        COMPREPLY=($(compgen -W "dot svg png pdf graphml" -- "$cur"))
      else
        COMPREPLY=($(compgen -W "turtle ntriples nquads trig jsonld rdfxml rdfjson dot svg png pdf graphml" -- "$cur"))
      fi
      return ;;
    --syntax)
      COMPREPLY=($(compgen -W "turtle ntriples nquads trig rdfxml" -- "$cur"))
      return ;;
    --view)
      COMPREPLY=($(compgen -W "all timeline negotiation: compare: ego:" -- "$cur"))
      compopt -o nospace
      return ;;
    -O | --output-dir | --corpus | --text-dir)
      _filedir -d
      return ;;
    -o | --output | --ontology | --password-file | --text)
      _filedir
      return ;;
    -j | --jobs | --threads | --buffered-limit | --depth | --max-nodes | --time-limit | --chunk | --timeout | \
      --base | --store | --graph | --user | --proxy | --engine | --lang | --title)
      return ;;
  esac
  if [[ $command == help ]]; then
    ((cword == 2)) && COMPREPLY=($(compgen -W "export validate dot push site ontology" -- "$cur"))
    return
  fi
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$(_entente_options "$command")" -- "$cur"))
    return
  fi
  case $command in
    dot) _filedir '@(ttl|nt|nq|trig|rdf|owl|xml|n3)' ;;
    export | validate | push | site) _filedir '@(xml)' ;;
  esac
}
complete -F _entente entente
