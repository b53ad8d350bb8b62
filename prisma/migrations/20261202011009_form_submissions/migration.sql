-- CreateTable
CREATE TABLE "FormSubmission" (
    "userId" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "resultId" TEXT,
    "result" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FormSubmission_pkey" PRIMARY KEY ("userId","token")
);

-- CreateIndex
CREATE INDEX "FormSubmission_createdAt_idx" ON "FormSubmission"("createdAt");
