/** The query functions of every view; routes import from here (`$lib/server/db/queries`). */
export * from './meta';
export * from './capaciteit';
export * from './planning';
export * from './wlz';
export * from './hkg';
export * from './dagbesteding';
export * from './overzicht';
export * from './gemeente';
export * from './regio';
export * from './regios';
