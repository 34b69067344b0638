/** Problem texts of custom objects' automations in Spanish; keyed as es.ts is. */
export const automations: Record<string, string> = {
  'The automation': 'la automatización',
  'does not apply to a {type} trigger': 'no se aplica a un disparador de tipo {type}',
  'does not apply to a {type} action': 'no se aplica a una acción de tipo {type}',
  'is required for a date trigger': 'es obligatorio en un disparador de fecha',
  'is required for a {type} action': 'es obligatorio en una acción de tipo {type}',
  'must be a date or date-time field of the object': 'debe ser un campo de fecha o de fecha y hora del objeto',
  'a deleted record can only be told about in a webhook event': 'de un registro eliminado solo se puede avisar con un evento de webhook',
  'is not a field of the object that can be set': 'no es un campo del objeto que se pueda asignar',
  'is not the key of a custom object': 'no es la clave de un objeto personalizado',
  'must be a to-one relation field of that object pointing at this one': 'debe ser un campo de relación a uno de ese objeto que apunte a este',
  'is not a field of that object': 'no es un campo de ese objeto',
  'must be an e-mail field, or a to-one relation to a member': 'debe ser un campo de correo electrónico o una relación a uno con un miembro',
  'shows the field "{key}", which the object does not have': 'muestra el campo "{key}", que el objeto no tiene',
  'needs either a value or an expression': 'necesita un valor o una expresión',
};
