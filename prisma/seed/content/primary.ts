// Specification content for the Primary Care Expert Group's credentials.
import { entry, lo, type SpecContent } from "./types";

export const PALLIATIVE: SpecContent = {
  purposeAndScope:
    "Equips advanced practitioners in community and primary care to recognise the last year of life, lead advance care planning and manage complex symptoms at home, " +
    "so that more people die in their preferred place.",
  targetGroup:
    "Registered nurses, paramedics, pharmacists and occupational therapists in community, hospice and primary care teams. " +
    "Prescribing outcomes apply only to practitioners who are independent prescribers.",
  targetProfessions: ["Nursing", "Occupational therapy", "Paramedicine", "Pharmacy"],
  entryRequirements: entry("Experience of caring for people at the end of life in the community."),
  linksToOtherProvision:
    "Complements the Older People and Frailty credential (APC-0006) and the Ambitions for Palliative and End of Life Care framework.",
  assessmentStrategy:
    "Case-based portfolio with two observed advance care planning conversations, a symptom-management viva, and a reflective account of a death at home.",
  credits: 30,
  notionalHours: 300,
  deliveryModes: ["Online", "Work-based"],
  supervisionRequirements:
    "A named supervisor from a specialist palliative care team; monthly group supervision to support emotional resilience.",
  evidenceBase:
    "Ambitions for Palliative and End of Life Care (2021–26); NICE NG31 care of dying adults; NICE QS144; Gold Standards Framework proactive identification guidance.",
  outcomes: [
    lo("Identify people likely to be in the last year of life using recognised tools and clinical judgement.", "C"),
    lo("Lead sensitive advance care planning conversations, documenting preferences and ReSPECT decisions.", "C"),
    lo("Assess and manage complex symptoms at home, including anticipatory prescribing where within scope.", "C"),
    lo("Coordinate care across primary, community, hospice and social care, leading multi-disciplinary meetings.", "L"),
    lo("Support and educate families, carers and colleagues in end of life care.", "E"),
    lo("Use audit of place of death and care quality to improve local services.", "R", "L"),
  ],
};

export const FCP_MSK: SpecContent = {
  purposeAndScope:
    "Prepares practitioners to work as first contact practitioners (FCPs) for musculoskeletal conditions in primary care, seeing patients without prior GP review, " +
    "diagnosing, managing and, where needed, referring them. It consolidates the capabilities of the FCP roadmap to stage 2 and progresses them to advanced level.",
  targetGroup:
    "Physiotherapists, paramedics, podiatrists, osteopaths and nurses working in first contact MSK roles in primary care networks. " +
    "Podiatrists and osteopaths focus on their usual scope of anatomy; injection therapy and prescribing outcomes apply only where the learner's registration allows.",
  targetProfessions: ["Nursing", "Paramedicine", "Physiotherapy", "Podiatry"],
  entryRequirements: entry(
    "At least five years' post-registration MSK experience; completion of the FCP roadmap stage 1 portfolio, or equivalent recognised prior learning.",
  ),
  linksToOtherProvision:
    "Follows the HEE Roadmap to Practice for first contact practitioners and advanced practitioners in primary care (MSK); prepares learners for the MSK advanced practice roadmap.",
  assessmentStrategy:
    "Stage 2 portfolio verified by a roadmap supervisor; two observed structured clinical examinations covering spinal and peripheral presentations; " +
    "a case-based viva on red flags and safety-netting; and a quality improvement report.",
  credits: 60,
  notionalHours: 600,
  deliveryModes: ["Blended", "Work-based"],
  supervisionRequirements:
    "A roadmap supervisor (an FCP or advanced MSK practitioner who has completed supervisor training) for at least one hour a week, plus a GP clinical lead for governance.",
  evidenceBase:
    "Musculoskeletal core capabilities framework for first point of contact practitioners (2018); FCP and AP roadmap to practice (2020); " +
    "NICE NG59 low back pain and sciatica; NICE NG226 osteoarthritis; Versus Arthritis MSK health data.",
  outcomes: [
    lo("Undertake first contact assessment of people of all ages with musculoskeletal conditions, without prior medical review.", "C"),
    lo("Identify serious pathology, including red flags and masqueraders, and act on them with appropriate urgency.", "C"),
    lo("Request and interpret imaging and blood tests within scope, justifying each request.", "C"),
    lo("Agree personalised management plans using shared decision-making, supported self-management and social prescribing.", "C"),
    lo("Manage the wider determinants of MSK health, including work and wellbeing conversations and fit notes.", "C", "L"),
    lo("Work within and help shape the primary care network team, including clinical governance arrangements.", "L"),
    lo("Teach and support colleagues developing towards first contact roles.", "E"),
    lo("Evaluate outcomes of the FCP service and apply current evidence to practice.", "R"),
  ],
  epas: [
    {
      title: "See a new patient with low back pain as first contact",
      description:
        "Assess, screen for serious pathology, manage and safety-net a patient with low back pain, including a fit note if required.",
    },
    {
      title: "Run an FCP clinic session",
      description: "Manage a full FCP session of booked patients with appropriate documentation, onward referral and escalation.",
    },
  ],
};

export const FRAILTY: SpecContent = {
  purposeAndScope:
    "Enables advanced practitioners to lead comprehensive geriatric assessment (CGA) and proactive care for older people living with frailty in the community, " +
    "care homes and at the hospital front door.",
  targetGroup:
    "Nurses, paramedics, pharmacists, physiotherapists and occupational therapists in community, care-home, intermediate-care and frailty teams.",
  targetProfessions: ["Nursing", "Occupational therapy", "Paramedicine", "Pharmacy", "Physiotherapy"],
  entryRequirements: entry(
    "Experience in the care of older people; completed level 7 study in clinical examination and diagnostic reasoning.",
  ),
  linksToOtherProvision:
    "Aligned with the British Geriatrics Society's Silver Book II and the Skills for Health frailty core capabilities framework; links to Palliative and End of Life Care.",
  assessmentStrategy:
    "A CGA-based case portfolio with direct observation, a structured medication-review assessment, and a presentation of a proactive care improvement project.",
  credits: 40,
  notionalHours: 400,
  deliveryModes: ["Blended", "Work-based"],
  supervisionRequirements:
    "Supervision by a geriatrician or consultant-level practitioner in frailty; joint supervision with a pharmacist for the medication review outcome.",
  evidenceBase:
    "BGS Silver Book II (2021) and Comprehensive Geriatric Assessment toolkit; NICE NG56 multimorbidity; Frailty core capabilities framework (2018); Rockwood Clinical Frailty Scale.",
  outcomes: [
    lo("Identify and grade frailty using validated tools, and explain its implications for care.", "C"),
    lo("Lead comprehensive geriatric assessment, synthesising physical, psychological, functional and social needs.", "C"),
    lo("Undertake structured medication reviews, deprescribing with patients and carers.", "C"),
    lo("Develop personalised care and support plans that include contingency and end of life planning.", "C", "L"),
    lo("Coordinate multi-agency care for older people across organisational boundaries.", "L"),
    lo("Educate care-home staff and carers on recognising deterioration.", "E"),
    lo("Appraise research on frailty interventions and apply it to service design.", "R"),
  ],
  epas: [
    {
      title: "Complete a CGA in a care home",
      description:
        "Lead a comprehensive geriatric assessment of a care-home resident and agree a personalised care plan with the resident, family and staff.",
    },
  ],
};
