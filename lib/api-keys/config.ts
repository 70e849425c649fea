import { envInteger } from "@/lib/env";

/**
 * After a roll, once the new secret has served a request, the previous secret retires when it has
 * been idle this long (ROLL_IDLE_SECONDS, default 15 minutes).
 */
export const rollIdleSeconds = () => envInteger("ROLL_IDLE_SECONDS", 900);
