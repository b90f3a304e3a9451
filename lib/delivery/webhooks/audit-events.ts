/** The audit events of a council admin configuring delivery (labels in lib/audit/labels.ts). */
export type DeliveryAuditEvent = "delivery-endpoint-set" | "delivery-endpoint-removed" | "delivery-secret-rotated" | "delivery-retried";
