import type { ReactNode } from "react";
import { Live } from "./_components/Live";

export default function LearnLayout({ children }: { children: ReactNode }) {
  return <Live>{children}</Live>;
}
