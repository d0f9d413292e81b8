/** Deep copy of plain JSON data (objects from YAML never hold functions, dates or cycles). */
export function cloneJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
