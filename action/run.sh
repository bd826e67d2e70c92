#!/usr/bin/env bash
# Runs one konsync command for the action and sets its outputs. diff and plan save the plan, then the comment body
# and the annotations are both rendered from that one file (`konsync show`), so reviewers see what gets applied.
# Exit: 1 on any konsync error (a bad token, Konnect unreachable, invalid files); 0 on 0 or 2, unless
# fail-on-changes is true, then 2 on changes.
set -uo pipefail

command="${INPUT_COMMAND:?the command input is required}"
plan="${INPUT_PLAN_FILE:-konsync-plan.json}"
outputs="${GITHUB_OUTPUT:-/dev/null}"
comment="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/konsync-comment-$$.md"
read -r -a state_paths <<< "${INPUT_STATE:-konnect/}"
read -r -a extra <<< "${INPUT_ARGS:-}"
state=()
for path in "${state_paths[@]}"; do state+=(-s "$path"); done

finish() {
  echo "exit-code=$1" >> "$outputs"
  if [ "$1" -eq 1 ]; then exit 1; fi
  if [ "$1" -eq 2 ] && [ "${INPUT_FAIL_ON_CHANGES:-false}" = "true" ]; then exit 2; fi
  exit 0
}

# The comment body and the annotations, from the saved plan; sets changes, plan-file and comment-body.
render() {
  konsync show "$plan" --output markdown > "$comment"
  local code=$?
  if [ "$code" -eq 1 ]; then finish 1; fi
  konsync show "$plan" --output github
  local delimiter="konsync_$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
  {
    echo "changes=$([ "$code" -eq 2 ] && echo true || echo false)"
    echo "plan-file=$plan"
    echo "comment-body<<$delimiter"
    cat "$comment"
    echo "$delimiter"
  } >> "$outputs"
  finish "$code"
}

case "$command" in
  validate)
    konsync validate "${state[@]}" "${extra[@]}"
    finish $?
    ;;
  diff | plan)
    konsync plan "${state[@]}" --out "$plan" "${extra[@]}"
    code=$?
    if [ "$code" -eq 1 ]; then finish 1; fi
    render
    ;;
  show)
    render
    ;;
  apply)
    echo "plan-file=$plan" >> "$outputs"
    konsync apply "$plan" "${extra[@]}"
    finish $?
    ;;
  *)
    echo "::error title=konsync::unknown command '$command' (validate, diff, plan, show, apply)" >&2
    exit 1
    ;;
esac
