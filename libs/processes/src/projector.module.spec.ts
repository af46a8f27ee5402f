import type { DynamicModule, Type } from '@nestjs/common';
import { MODULE_METADATA } from '@nestjs/common/constants';
import { ProjectorModule } from './projector.module';

type ModuleRef = Type<unknown> | DynamicModule;

/** The controllers a module and everything it imports register, by name. */
function controllersOf(module: ModuleRef, seen = new Set<unknown>()): string[] {
  if (seen.has(module)) return [];
  seen.add(module);
  const type = 'module' in module ? module.module : module;
  const dynamic: Partial<DynamicModule> = 'module' in module ? module : {};
  const controllers: Array<Type<unknown>> = [...(Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, type) ?? []), ...(dynamic.controllers ?? [])];
  const imports: ModuleRef[] = [...(Reflect.getMetadata(MODULE_METADATA.IMPORTS, type) ?? []), ...((dynamic.imports ?? []) as ModuleRef[])];
  return [...controllers.map((controller) => controller.name), ...imports.flatMap((imported) => controllersOf(imported, seen))];
}

describe('ProjectorModule', () => {
  it.each([true, false])('runs without HTTP: it registers no controller (run: %s)', (run) => {
    expect(controllersOf(ProjectorModule.register({ run }))).toEqual([]);
  });
});
