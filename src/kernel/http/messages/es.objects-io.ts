/** Problem texts of the custom objects' CSV import and export in Spanish; keyed as es.ts is. */
export const objectsIo: Record<string, string> = {
  'The file is too large to import': 'El archivo es demasiado grande para importarlo',
  'The file has {what}; an import takes at most {rows} rows and {size} MB: split it': 'El archivo tiene {what}; una importación admite como máximo {rows} filas y {size} MB: divídalo',
  'Rows with problems: {count}; nothing was imported': 'Filas con problemas: {count}; no se importó nada',
  'has no rows below the header': 'no tiene filas debajo de la cabecera',
  'must be the key of a unique text, e-mail, phone or URL field': 'debe ser la clave de un campo único de texto, correo electrónico, teléfono o URL',
  'names a field the file has no column for': 'nombra un campo para el que el archivo no tiene columna',
  'must be yes or no (true/false, 1/0, sí/no)': 'debe ser sí o no (true/false, 1/0, sí/no)',
  'must be a number written with a dot for decimals, e.g. 12.5': 'debe ser un número escrito con punto decimal, p. ej. 12.5',
  'appears twice in the header': 'aparece dos veces en la cabecera',
  'A column has no name': 'Una columna no tiene nombre',
};
