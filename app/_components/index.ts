export { Card } from "./Card";
export { Field, NumberField, Select, TextField, type SelectOption } from "./Field";
export { Explain } from "./Explain";
export { Metric } from "./Metric";
export { VramBar } from "./VramBar";
export { ConfidenceBadge, type ConfidenceLevel } from "./ConfidenceBadge";
