import { Type } from 'typebox';
import type { IsoDate } from '../../../kernel/dates.js';
import { DateOnly, PageQuery, Timestamp, Uuid } from '../../../kernel/http/schemas.js';

const Summary = Type.Array(Type.Object({ currency: Type.String(), opening: Type.Integer(), charges: Type.Integer(), credits: Type.Integer(), closing: Type.Integer() }));
export type StatementSummary = { currency: string; opening: number; charges: number; credits: number; closing: number }[];

export const StatementRecord = Type.Object({
  id: Uuid,
  memberId: Uuid,
  from: DateOnly,
  to: DateOnly,
  summary: Summary,
  pdfBytes: Type.Integer(),
  /** The API path that downloads the PDF (with the same credentials). */
  downloadUrl: Type.String(),
  generatedAt: Timestamp,
  emailedAt: Type.Union([Timestamp, Type.Null()]),
});
export type StatementRecord = {
  id: string;
  memberId: string;
  from: IsoDate;
  to: IsoDate;
  summary: StatementSummary;
  pdfBytes: number;
  downloadUrl: string;
  generatedAt: Date;
  emailedAt: Date | null;
};

export const GenerateStatement = Type.Object({ memberId: Uuid, from: DateOnly, to: DateOnly }, { additionalProperties: false });
export const ListStatementsQuery = Type.Object({ ...PageQuery, memberId: Type.Optional(Uuid) }, { additionalProperties: false });
