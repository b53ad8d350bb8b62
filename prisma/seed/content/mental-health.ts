// Specification content for the Mental Health Expert Group's credentials.
import { entry, lo, type SpecContent } from "./types";

export const MH_ACUTE: SpecContent = {
  purposeAndScope:
    "Develops advanced practitioners who assess, formulate and manage adults in mental health crisis in liaison, crisis resolution and acute inpatient services, " +
    "including decisions about admission, prescribing and risk.",
  targetGroup:
    "Mental health nurses, occupational therapists, pharmacists and paramedics in crisis, liaison and inpatient services. " +
    "Paramedics must have completed mental health crisis training; prescribing outcomes require independent prescriber status.",
  targetProfessions: ["Nursing", "Occupational therapy", "Paramedicine", "Pharmacy"],
  entryRequirements: entry("At least two years' experience in acute or crisis mental health care."),
  linksToOtherProvision:
    "Uses the Advanced Practice Mental Health Curriculum and Capabilities Framework (2020); links to the Emergency and Urgent Care credential for physical health.",
  assessmentStrategy:
    "Observed structured clinical assessments of crisis presentations, a case formulation viva, a prescribing portfolio, and a reflective analysis of a serious incident review.",
  credits: 60,
  notionalHours: 600,
  deliveryModes: ["Blended", "Work-based"],
  supervisionRequirements:
    "A consultant psychiatrist or advanced practitioner in mental health as clinical supervisor; monthly reflective practice and restorative supervision.",
  evidenceBase:
    "Advanced Practice Mental Health Curriculum (2020); NICE NG225 self-harm; NICE CG136 service user experience; Mental Health Act Code of Practice; Core Standards for Liaison Psychiatry.",
  outcomes: [
    lo("Undertake comprehensive bio-psycho-social assessment of people in mental health crisis, including physical health.", "C"),
    lo("Formulate risk collaboratively, balancing safety, autonomy and least restrictive practice.", "C"),
    lo("Make and justify decisions about admission, home treatment and discharge.", "C", "L"),
    lo("Prescribe and review psychotropic medication safely within scope.", "C"),
    lo("Apply mental health and mental capacity legislation in acute care.", "C"),
    lo("Lead the multi-professional team in crisis, including debriefing after incidents.", "L"),
    lo("Support and teach colleagues in acute mental health assessment.", "E"),
    lo("Use service user feedback and outcome data to evaluate and improve crisis care.", "R"),
  ],
  epas: [
    {
      title: "Assess a person in crisis in the emergency department",
      description: "Complete a liaison assessment, agree a safety plan and decide on disposition with the person and the team.",
    },
    {
      title: "Lead a post-incident debrief",
      description: "Facilitate a structured debrief after a restrictive intervention, identifying learning.",
    },
  ],
};

export const CYP_MH: SpecContent = {
  purposeAndScope:
    "Prepares advanced practitioners to assess and treat children and young people with moderate to severe mental health needs in community services, " +
    "working with families, schools and social care.",
  targetGroup: "Nurses, occupational therapists, social workers and psychological practitioners in CYP mental health services.",
  targetProfessions: ["Nursing", "Occupational therapy", "Practitioner psychology"],
  entryRequirements: entry("Experience in CYP mental health; safeguarding children training at level 3."),
  linksToOtherProvision:
    "Links to the CYP Improving Access to Psychological Therapies programme and the Mental Health – Acute Care credential.",
  assessmentStrategy: "Portfolio of observed family assessments, a safeguarding case review, and a written evaluation of an intervention.",
  credits: 30,
  notionalHours: 300,
  deliveryModes: ["Online", "Work-based"],
  supervisionRequirements:
    "Clinical supervision by a consultant child and adolescent psychiatrist or advanced practitioner; safeguarding supervision quarterly.",
  evidenceBase:
    "NICE NG134 depression in children and young people; Future in Mind (2015); THRIVE framework; Mental health of children and young people in England surveys.",
  outcomes: [
    lo("Assess children and young people with complex mental health needs, with families and other agencies.", "C"),
    lo("Formulate and manage risk, including safeguarding, in community settings.", "C"),
    lo("Deliver and evaluate evidence-based interventions appropriate to developmental stage.", "C", "R"),
    lo("Coordinate care across health, education and social care.", "L"),
    lo("Educate school staff and families to recognise and respond to mental health needs.", "E"),
  ],
};
