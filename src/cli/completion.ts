// Shell completion scripts generated from commander's command tree: a new command or option completes without edits here.
import type { Command, Option } from 'commander';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

interface OptionSpec {
  long?: string;
  short?: string;
  description: string;
  /** Takes a value: `--output <format>`. */
  takesValue: boolean;
  /** Allowed values, when commander knows them. */
  choices: string[];
}

interface CommandSpec {
  name: string;
  description: string;
  options: OptionSpec[];
}

const HELP: OptionSpec = { long: '--help', short: '-h', description: 'display help', takesValue: false, choices: [] };

function optionSpec(option: Option): OptionSpec {
  return {
    ...(option.long ? { long: option.long } : {}),
    ...(option.short ? { short: option.short } : {}),
    description: option.description,
    takesValue: option.required || option.optional,
    choices: option.argChoices ?? [],
  };
}

function commandSpecs(program: Command): { root: OptionSpec[]; commands: CommandSpec[] } {
  const visible = (options: readonly Option[]) => options.filter((option) => !option.hidden).map(optionSpec);
  return {
    root: [...visible(program.options), HELP],
    commands: program.commands.map((command) => ({ name: command.name(), description: command.description(), options: [...visible(command.options), HELP] })),
  };
}

const words = (option: OptionSpec) => [option.long, option.short].filter((word): word is string => word !== undefined);
const single = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

function bash(program: Command): string {
  const { root, commands } = commandSpecs(program);
  const name = program.name();
  const cases = commands.map((command) => `    ${command.name}) opts=${single(command.options.flatMap(words).join(' '))} ;;`);
  const valueCases = commands.flatMap((command) =>
    command.options
      .filter((option) => option.takesValue)
      .map((option) => {
        const patterns = words(option).map((word) => `${command.name}:${word}`).join('|');
        const reply = option.choices.length > 0 ? `compgen -W ${single(option.choices.join(' '))} -- "$cur"` : 'compgen -f -- "$cur"';
        return `    ${patterns}) COMPREPLY=( $(${reply}) ); return ;;`;
      }),
  );
  return `# bash completion for ${name}: eval "$(${name} completion bash)", or save it under ~/.local/share/bash-completion/completions/${name}
_${name}() {
  local cur prev cmd opts word
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  cmd=""
  for word in "\${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
    case "$word" in -*) ;; *) cmd="$word"; break ;; esac
  done
  case "$cmd:$prev" in
${valueCases.join('\n')}
  esac
  case "$cmd" in
${cases.join('\n')}
    *) opts=${single([...commands.map((command) => command.name), ...root.flatMap(words)].join(' '))} ;;
  esac
  COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
}
complete -o default -F _${name} ${name}
`;
}

const zshText = (text: string) => text.replace(/([[\]:\\])/g, '\\$1').replace(/'/g, `'\\''`);

function zshOption(option: OptionSpec): string[] {
  const value = option.takesValue ? (option.choices.length > 0 ? `:value:(${option.choices.join(' ')})` : ':value:_files') : '';
  return words(option).map((word) => `'${word}[${zshText(option.description)}]${value}'`);
}

function zsh(program: Command): string {
  const { root, commands } = commandSpecs(program);
  const name = program.name();
  const described = commands.map((command) => `    '${command.name}:${zshText(command.description)}'`);
  const cases = commands.map((command) => `    ${command.name}) _arguments -s ${command.options.flatMap(zshOption).join(' ')} '*:file:_files' ;;`);
  return `#compdef ${name}
# zsh completion for ${name}: ${name} completion zsh > "\${fpath[1]}/_${name}", or eval "$(${name} completion zsh)"
_${name}() {
  local -a commands
  commands=(
${described.join('\n')}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    _arguments ${root.flatMap(zshOption).join(' ')}
    return
  fi
  case "$words[2]" in
${cases.join('\n')}
  esac
}
if [[ "$funcstack[1]" = "_${name}" ]]; then _${name} "$@"; else compdef _${name} ${name}; fi
`;
}

function fish(program: Command): string {
  const { root, commands } = commandSpecs(program);
  const name = program.name();
  const option = (spec: OptionSpec, condition: string) => {
    const parts = [`complete -c ${name} -n ${single(condition)}`];
    if (spec.long) parts.push(`-l ${spec.long.slice(2)}`);
    if (spec.short) parts.push(`-s ${spec.short.slice(1)}`);
    if (spec.takesValue) parts.push(spec.choices.length > 0 ? `-x -a ${single(spec.choices.join(' '))}` : '-r -F');
    parts.push(`-d ${single(spec.description)}`);
    return parts.join(' ');
  };
  return [
    `# fish completion for ${name}: ${name} completion fish > ~/.config/fish/completions/${name}.fish`,
    `complete -c ${name} -f`,
    ...commands.map((command) => `complete -c ${name} -n '__fish_use_subcommand' -a ${command.name} -d ${single(command.description)}`),
    ...root.map((spec) => option(spec, '__fish_use_subcommand')),
    ...commands.flatMap((command) => command.options.map((spec) => option(spec, `__fish_seen_subcommand_from ${command.name}`))),
    '',
  ].join('\n');
}

const GENERATORS: Record<Shell, (program: Command) => string> = { bash, zsh, fish };

/** The completion script for `shell`, from the program's commands and options as registered. */
export function completionScript(program: Command, shell: Shell): string {
  return GENERATORS[shell](program);
}
