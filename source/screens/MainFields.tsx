/**
 * The two text fields of the main screen: the server search (`/`, over the table's title) and
 * the `:` command line (in place of the footer). Each sends what is typed up to Main.
 */
import {Box, Text} from 'ink';
import {TextField} from '../components/TextField.js';
import {commandLinePlaceholder, completeCommand} from './commands.js';

export interface SearchFieldProps {
  value: string;
  width: number;
  onChange(text: string): void;
  onSubmit(text: string): void;
  onCancel(): void;
}

export function SearchField({value, width, onChange, onSubmit, onCancel}: SearchFieldProps) {
  return (
    <>
      <Text>/</Text>
      <TextField value={value} focus width={width} placeholder="search on the server…" onChange={onChange} onSubmit={onSubmit} onCancel={onCancel} />
    </>
  );
}

export interface CommandLineProps {
  value: string;
  width: number;
  onChange(text: string): void;
  onSubmit(text: string): void;
  onCancel(): void;
}

export function CommandLine({value, width, onChange, onSubmit, onCancel}: CommandLineProps) {
  return (
    <Box width={width}>
      <Text>:</Text>
      <TextField value={value} focus width={width - 2} placeholder={commandLinePlaceholder} onTab={completeCommand} onChange={onChange} onSubmit={onSubmit} onCancel={onCancel} />
    </Box>
  );
}
