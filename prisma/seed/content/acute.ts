// Specification content for the Acute Care Expert Group's credentials.
import { entry, lo, type SpecContent } from "./types";

export const ACUTE_MEDICINE: SpecContent = {
  purposeAndScope:
    "Prepares advanced practitioners to assess, diagnose and manage adults presenting to same day emergency care (SDEC) and acute medical units, " +
    "deciding safely who can go home the same day. It covers ambulatory pathways, not critical care or paediatrics.",
  targetGroup:
    "Registered nurses, paramedics, pharmacists and physiotherapists working, or about to work, in SDEC or acute medicine. " +
    "Pharmacists must be independent prescribers; paramedics and physiotherapists should hold or be working towards independent prescribing.",
  targetProfessions: ["Nursing", "Paramedicine", "Pharmacy", "Physiotherapy"],
  entryRequirements: entry("Experience in acute or emergency care, and completed or in-progress level 7 study in clinical assessment."),
  linksToOtherProvision:
    "Builds on the Emergency and Urgent Care credential (APC-0004) and complements the Royal College of Physicians' acute internal medicine curriculum.",
  assessmentStrategy:
    "A portfolio of supervised cases with workplace-based assessments (mini-CEX, case-based discussion), an OSCE on undifferentiated presentations, " +
    "and a reflective service-improvement report.",
  credits: 60,
  notionalHours: 600,
  deliveryModes: ["Blended", "Work-based"],
  supervisionRequirements:
    "A named clinical supervisor (consultant in acute medicine or experienced advanced practitioner) meets the learner fortnightly; a coordinating education supervisor oversees progress.",
  evidenceBase:
    "Society for Acute Medicine benchmarks; NHS England SDEC guidance (2019, 2023); Royal College of Physicians National Early Warning Score 2; NICE NG94 emergency and acute medical care.",
  outcomes: [
    lo(
      "Undertake comprehensive assessment of adults with undifferentiated acute medical presentations, synthesising history, examination and investigations.",
      "C",
    ),
    lo(
      "Formulate differential diagnoses and management plans in conditions of uncertainty, including safe same-day discharge decisions.",
      "C",
    ),
    lo("Request and interpret diagnostic investigations, including imaging and point-of-care tests, within scope of practice.", "C"),
    lo("Prescribe and deprescribe safely for acutely unwell adults, including those with multimorbidity and polypharmacy.", "C"),
    lo("Lead ambulatory pathways, coordinating the multi-professional team and escalating deterioration appropriately.", "L", "C"),
    lo("Evaluate SDEC service performance using audit data and lead a service improvement.", "L", "R"),
    lo("Teach and supervise colleagues in acute assessment, creating a learning culture in the unit.", "E"),
  ],
  epas: [
    {
      title: "Manage an ambulatory chest pain pathway",
      description: "Assess, risk-stratify and discharge or escalate patients with chest pain on an SDEC pathway.",
    },
  ],
};

export const URGENT_CARE_V1: SpecContent = {
  purposeAndScope:
    "Develops advanced practitioners who manage undifferentiated patients of all ages in emergency departments and urgent treatment centres, " +
    "from minor illness and injury to the initial care of the critically unwell.",
  targetGroup:
    "Registered nurses, paramedics, physiotherapists and pharmacists in emergency and urgent care settings. " +
    "Physiotherapists focus on musculoskeletal and minor injury presentations; pharmacists must be independent prescribers.",
  targetProfessions: ["Nursing", "Paramedicine", "Pharmacy", "Physiotherapy"],
  entryRequirements: entry(
    "At least two years' experience in emergency or urgent care; completed level 7 module in history taking and physical assessment.",
  ),
  linksToOtherProvision:
    "Aligned with the Royal College of Emergency Medicine Emergency Care Advanced Clinical Practitioner curriculum; links to the Acute Medicine and SDEC credential.",
  assessmentStrategy:
    "Portfolio of workplace-based assessments across the age range, a structured oral examination on clinical reasoning, and a written case analysis.",
  credits: 60,
  notionalHours: 600,
  deliveryModes: ["Blended", "Work-based"],
  supervisionRequirements:
    "A named emergency medicine consultant or experienced ACP supervises clinical practice, with at least one supervised shift per week.",
  evidenceBase:
    "RCEM Emergency Care ACP curriculum (2022); NHS England urgent treatment centre standards; NICE guidance on head injury (NG232), sepsis (NG51) and chest pain (CG95).",
  outcomes: [
    lo("Assess patients of all ages with undifferentiated presentations in emergency and urgent care.", "C"),
    lo("Understand the management of common injuries and illnesses.", "C"),
    lo("Recognise and initiate treatment for the critically unwell patient pending senior support.", "C"),
    lo("Prescribe safely within scope for emergency and urgent care presentations.", "C"),
    lo("Lead shifts and manage flow within an urgent care setting.", "L"),
    lo("Contribute to audit and education in the department.", "E", "R"),
  ],
};

export const URGENT_CARE_V2: SpecContent = {
  ...URGENT_CARE_V1,
  assessmentStrategy:
    "Portfolio of workplace-based assessments with at least two directly observed assessments in each of adult, paediatric and older-person presentations; " +
    "a structured oral examination on clinical reasoning; a written case analysis mapped to each learning outcome.",
  outcomes: [
    lo("Undertake focused and comprehensive assessment of patients of all ages presenting with undifferentiated illness or injury.", "C"),
    lo("Diagnose and manage common injuries and illnesses, justifying decisions against current guidance.", "C"),
    lo("Recognise the critically unwell patient, initiate resuscitation and escalate within agreed protocols.", "C"),
    lo("Assess and manage frail older people and children safely, adapting care to their specific risks.", "C"),
    lo("Prescribe safely within scope for emergency and urgent care presentations, including controlled drugs where permitted.", "C"),
    lo("Lead shifts, manage flow and make escalation decisions under pressure.", "L"),
    lo("Design and deliver teaching for the multi-professional team.", "E"),
    lo("Lead an audit or quality improvement project and disseminate the findings.", "R", "L"),
  ],
  changeSummary:
    "Responds to the reviewers' requested changes: learning outcomes rewritten with measurable verbs; new outcome on frail older people and children; " +
    "assessment strategy now requires direct observation across the age range; research outcome strengthened.",
};

export const PERIOPERATIVE: SpecContent = {
  purposeAndScope:
    "Intended to prepare practitioners to run pre-operative assessment clinics for elective surgery, optimising patients before their operation.",
  targetGroup: "Registered nurses working in pre-operative assessment clinics.",
  targetProfessions: ["Nursing"],
  entryRequirements: entry("Experience in pre-operative assessment."),
  linksToOtherProvision: "None identified.",
  assessmentStrategy: "A written assignment on a pre-operative assessment case.",
  credits: 30,
  notionalHours: 300,
  deliveryModes: ["Face-to-face", "Work-based"],
  supervisionRequirements: "Supervision by the clinic lead.",
  evidenceBase: "Centre for Perioperative Care guidance on preoperative assessment and optimisation (2021).",
  outcomes: [
    lo("Understand pre-operative assessment.", "C"),
    lo("Know the common comorbidities that affect surgical risk.", "C"),
    lo("Follow local protocols for pre-operative investigations.", "C"),
    lo("Communicate with surgical teams.", "L"),
    lo("Reflect on practice.", "E"),
  ],
};
