// Paging for every list: the page number comes from the URL (`?page=2`), each list runs one query
// for the rows and one count, whatever the number of rows.

export const pageNumber = (value?: string) => Math.max(1, Number.parseInt(value ?? "", 10) || 1);

export const pageWindow = (page: number, size: number) => ({ skip: (page - 1) * size, take: size });

export const pageResult = <T>(rows: T[], total: number, page: number, size: number) => ({
  rows,
  total,
  page,
  pageCount: Math.ceil(total / size),
});
