/** Instructor mode: presenter view and scripted demos. */
export { DemoCaption } from './DemoCaption';
export { InstructorMode } from './InstructorMode';
