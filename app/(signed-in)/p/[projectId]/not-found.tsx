import { NotFoundMessage } from '@/app/_lib/not-found-message';

/** A page of this project the person may not open (or that does not exist): inside the project's frame and navigation. */
export default function ProjectPageNotFound() {
  return <NotFoundMessage description="This page does not exist in this project, or your access to the project does not include it." backHref="/app" backLabel="Go to your projects" />;
}
