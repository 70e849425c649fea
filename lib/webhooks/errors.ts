import { AppError } from "@/lib/errors";
import { MAX_ENDPOINTS } from "./schemas";

export const endpointNotFound = () => new AppError("not_found", "No webhook endpoint with this id exists in this workspace.");

export const deliveryNotFound = () => new AppError("not_found", "No delivery with this id exists for this webhook endpoint.");

export const endpointLimitReached = () =>
  new AppError(
    "conflict",
    `This workspace already has ${MAX_ENDPOINTS} webhook endpoints, the most it can have. Delete one you no longer use, then try again.`,
    { reason: "endpoint_limit_reached" },
  );
