import { cpus, totalmem } from 'node:os';
import { faissVersion } from '@vecshard/faiss';

/** The machine a benchmark ran on, so numbers are read against their hardware. */
export interface MachineDescription {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  platform: string;
  node: string;
  faiss: string;
}

export function describeMachine(): MachineDescription {
  const cores = cpus();
  return {
    cpuModel: cores[0]?.model.trim() ?? 'unknown',
    cores: cores.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    platform: `${process.platform}-${process.arch}`,
    node: process.version,
    faiss: faissVersion(),
  };
}

export function machineLine(machine: MachineDescription): string {
  return (
    `${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB RAM, ` +
    `${machine.platform}, Node ${machine.node}, FAISS ${machine.faiss}`
  );
}
