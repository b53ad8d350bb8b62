// Priority rounds and priorities in real advanced-practice areas. Dates are months/days relative to the seed run.
import type { PriorityStatus, RoundStatus } from "../../lib/generated/prisma/enums";

export type RoundName = "2024/25" | "2025/26" | "2026/27";
export type PriorityKey =
  "fcpMsk" | "cypMentalHealth" | "urgentCare" | "mhAcute" | "criticalCare" | "acuteMedicine" | "acuteOncology" | "learningDisability";

export const ROUNDS: { name: RoundName; status: RoundStatus; opensMonthsAgo: number; closesMonthsAgo: number }[] = [
  { name: "2024/25", status: "CLOSED", opensMonthsAgo: 35, closesMonthsAgo: 32 },
  { name: "2025/26", status: "CLOSED", opensMonthsAgo: 23, closesMonthsAgo: 20 },
  { name: "2026/27", status: "OPEN", opensMonthsAgo: 2, closesMonthsAgo: -1.5 },
];

export type PriorityData = {
  key: PriorityKey;
  round: RoundName;
  rank: number;
  title: string;
  workforceNeed: string;
  populationNeed: string;
  longTermPlanLink: string;
  professions: string[];
  estimatedScale: number;
  status: PriorityStatus;
  /** Rationale for gateway criteria 1–3, all met; absent when not yet assessed. */
  gateway?: [string, string, string];
  closedReason?: string;
  closedMonthsAgo?: number;
};

export const PRIORITIES: PriorityData[] = [
  {
    key: "fcpMsk",
    round: "2024/25",
    rank: 1,
    title: "First contact practitioner – musculoskeletal",
    workforceNeed:
      "Primary care networks are recruiting first contact physiotherapists and other MSK practitioners through the Additional Roles Reimbursement Scheme faster than consistent advanced-level preparation is available.",
    populationNeed:
      "Around one in five GP consultations concern musculoskeletal problems; patients wait too long for assessment and are often referred on unnecessarily.",
    longTermPlanLink:
      "NHS Long Term Plan, chapter 1: expanded multidisciplinary primary care teams, including first contact physiotherapists in every primary care network.",
    professions: ["Physiotherapy", "Paramedicine", "Podiatry", "Osteopathy", "Nursing"],
    estimatedScale: 3500,
    status: "CLOSED",
    closedReason: "Met: credential APC-0005 was endorsed and published in the catalogue.",
    closedMonthsAgo: 25,
    gateway: [
      "MSK presentations are a large, well-evidenced share of primary care demand, and first contact roles are being created at pace.",
      "The FCP roadmap already defines the capabilities, so development can build on it; providers have signalled demand for a standard module.",
      "Several professions work in FCP roles at advanced level, and the roadmap maps directly to the four pillars of the Framework.",
    ],
  },
  {
    key: "cypMentalHealth",
    round: "2024/25",
    rank: 2,
    title: "Children and young people's mental health",
    workforceNeed:
      "Community CYP mental health services lack advanced practitioners able to hold complex caseloads and lead multi-agency risk decisions.",
    populationNeed:
      "Rates of probable mental disorder in children and young people have risen to about one in five, with long waits for specialist care.",
    longTermPlanLink:
      "NHS Long Term Plan, chapter 3: expanding access to children and young people's mental health services to an extra 345,000 people.",
    professions: ["Nursing", "Occupational therapy", "Social work", "Psychology"],
    estimatedScale: 1200,
    status: "PUBLISHED",
    gateway: [
      "Sustained growth in referrals and waiting times establishes a defined population need.",
      "Providers already run CYP modules that can be aligned to a standard specification at modest cost.",
      "Advanced practice in CYP mental health spans nursing, allied health and social work, and fits all four pillars.",
    ],
  },
  {
    key: "urgentCare",
    round: "2025/26",
    rank: 1,
    title: "Emergency and urgent care",
    workforceNeed:
      "Urgent treatment centres and emergency departments depend on advanced practitioners, but preparation for undifferentiated presentations varies widely between regions.",
    populationNeed:
      "Over 25 million attendances a year at emergency and urgent care services, with rising acuity and frailty among patients.",
    longTermPlanLink:
      "NHS Long Term Plan, chapter 1: reducing pressure on emergency hospital services; urgent treatment centres in every area.",
    professions: ["Nursing", "Paramedicine", "Physiotherapy", "Pharmacy"],
    estimatedScale: 4000,
    status: "PUBLISHED",
    gateway: [
      "Demand and acuity in urgent and emergency care are high and growing; a standard unit would reduce variation.",
      "Existing emergency care curricula give a strong starting point; employers will release staff for a 60-credit unit.",
      "Advanced practitioners from four professions staff these services at advanced level.",
    ],
  },
  {
    key: "mhAcute",
    round: "2025/26",
    rank: 2,
    title: "Mental health – acute care",
    workforceNeed:
      "Acute inpatient and crisis services need advanced practitioners who can assess, formulate and prescribe for people in mental health crisis.",
    populationNeed:
      "Mental health crisis presentations to acute and liaison services continue to rise, with long waits in emergency departments.",
    longTermPlanLink: "NHS Long Term Plan, chapter 3: 24/7 crisis provision and mental health liaison in all acute hospitals.",
    professions: ["Nursing", "Occupational therapy", "Pharmacy", "Paramedicine"],
    estimatedScale: 1500,
    status: "PUBLISHED",
    gateway: [
      "Crisis and liaison demand is documented nationally and locally.",
      "An existing trust-developed resource reduces development cost.",
      "Advanced practice roles in crisis care are multi-professional and include independent prescribing.",
    ],
  },
  {
    key: "criticalCare",
    round: "2026/27",
    rank: 1,
    title: "Critical care",
    workforceNeed:
      "Critical care units rely on advanced critical care practitioners to sustain medical rotas; numbers must grow to meet surge and recovery plans.",
    populationNeed: "Older, more complex patients need critical care, and outreach teams must identify deterioration earlier on wards.",
    longTermPlanLink:
      "NHS Long Term Plan, chapter 3: improving outcomes for people who are critically ill, including paediatric and adult critical care networks.",
    professions: ["Nursing", "Physiotherapy", "Pharmacy", "Paramedicine"],
    estimatedScale: 900,
    status: "PUBLISHED",
    gateway: [
      "Critical care capacity and the ACCP workforce are national planning priorities.",
      "The Faculty of Intensive Care Medicine curriculum provides a base; regional networks will co-fund development.",
      "ACCPs come from nursing, physiotherapy, pharmacy and paramedicine and practise across all four pillars.",
    ],
  },
  {
    key: "acuteMedicine",
    round: "2026/27",
    rank: 2,
    title: "Acute medicine and same day emergency care",
    workforceNeed:
      "Same day emergency care units are expanding and need advanced practitioners who can run ambulatory pathways autonomously.",
    populationNeed: "Up to a third of emergency medical admissions could be managed on the same day, avoiding an overnight stay.",
    longTermPlanLink: "NHS Long Term Plan, chapter 1: same day emergency care in every acute hospital with a type 1 emergency department.",
    professions: ["Nursing", "Paramedicine", "Pharmacy", "Physiotherapy"],
    estimatedScale: 1800,
    status: "PUBLISHED",
    gateway: [
      "SDEC expansion creates a defined service need in every acute trust.",
      "Overlaps with existing acute medicine curricula keep development affordable.",
      "SDEC teams draw advanced practitioners from several professions.",
    ],
  },
  {
    key: "acuteOncology",
    round: "2026/27",
    rank: 3,
    title: "Cancer – acute oncology",
    workforceNeed:
      "Acute oncology services need advanced practitioners to assess and manage complications of cancer and its treatment, 24/7.",
    populationNeed:
      "More people are living with cancer and receiving systemic anti-cancer therapy, with more emergency presentations as a result.",
    longTermPlanLink:
      "NHS Long Term Plan, chapter 3: earlier diagnosis and faster access to treatment; acute oncology in every hospital with an ED.",
    professions: ["Nursing", "Pharmacy", "Radiography", "Paramedicine"],
    estimatedScale: 1100,
    status: "PUBLISHED",
  },
  {
    key: "learningDisability",
    round: "2026/27",
    rank: 4,
    title: "Learning disability and autism",
    workforceNeed:
      "Few advanced practitioners are prepared to lead reasonable adjustments and complex physical health care for people with a learning disability.",
    populationNeed:
      "People with a learning disability die on average over 20 years earlier than the general population, often from avoidable causes.",
    longTermPlanLink: "NHS Long Term Plan, chapter 3: improving care for people with a learning disability and autistic people.",
    professions: ["Nursing", "Speech and language therapy", "Occupational therapy", "Pharmacy"],
    estimatedScale: 600,
    status: "DRAFT",
  },
];
