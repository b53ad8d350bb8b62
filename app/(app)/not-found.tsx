import { NotFoundMessage } from "@/components/layout/NotFoundMessage";

// notFound() from a page in this group renders inside the group's layout, which already provides `<main>`.
export default function NotFound() {
  return <NotFoundMessage />;
}
