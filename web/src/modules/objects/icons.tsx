import { Anchor, Bike, Box, Calendar, Car, Dog, FileText, Key, Package, ShieldCheck, Tag, Wrench, type LucideIcon } from 'lucide-react';

/** The icons an object may have (`icon` is one of these names; the API keeps any name, the pages show these). */
export const OBJECT_ICONS: Record<string, LucideIcon> = {
  car: Car,
  key: Key,
  'shield-check': ShieldCheck,
  'file-text': FileText,
  dog: Dog,
  anchor: Anchor,
  bike: Bike,
  box: Box,
  package: Package,
  tag: Tag,
  calendar: Calendar,
  wrench: Wrench,
};

export function ObjectIcon({ name }: { name: string | null | undefined }) {
  const Icon = (name && OBJECT_ICONS[name]) || Box;
  return <Icon aria-hidden size={16} className="shrink-0 text-slate-500" />;
}
